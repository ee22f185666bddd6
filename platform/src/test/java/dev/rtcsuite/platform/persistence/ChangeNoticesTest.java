package dev.rtcsuite.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes announced across replicas: delivered on commit, never on rollback; stops when told. */
@QuarkusTest
class ChangeNoticesTest {

    @Inject Jdbc jdbc;
    @Inject AgroalDataSource dataSource;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private ChangeNotices notices;
    private ChangeNotices.Listening listener;

    @BeforeEach
    void listen() throws InterruptedException {
        notices = new ChangeNotices(jdbc, dataSource, "change_notices_test");
        listener = notices.start("test-notices", received::add, listening::countDown);
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void aNoticeArrivesWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> notices.announce("committed"));
        try {
            QuarkusTransaction.requiringNew()
                    .run(
                            () -> {
                                notices.announce("rolled-back");
                                throw new IllegalStateException("the transaction fails");
                            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        QuarkusTransaction.requiringNew().run(() -> notices.announce("after"));

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("committed");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(received).isEmpty();
    }

    @Test
    void aClosedListenerStopsAndHandsItsConnectionBackWhole() {
        List<Integer> listeningBackend =
                jdbc.query(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND"
                                + " query = 'LISTEN change_notices_test'",
                        row -> row.getInt(1));
        assertThat(listeningBackend).hasSize(1);

        listener.close();

        assertThat(listener.isListening()).isFalse();
        // Its connection went back to the pool alive, not broken under the wait by an interrupt
        // (at shutdown the pool warned of every such connection).
        assertThat(
                        jdbc.query(
                                "SELECT pid FROM pg_stat_activity WHERE pid = ?",
                                row -> row.getInt(1),
                                listeningBackend.getFirst()))
                .hasSize(1);
    }

    @Test
    void aChannelMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> new ChangeNotices(jdbc, dataSource, "x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
