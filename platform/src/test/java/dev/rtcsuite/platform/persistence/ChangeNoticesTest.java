package dev.rtcsuite.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
    private Thread listener;

    @BeforeEach
    void listen() throws InterruptedException {
        notices = new ChangeNotices(jdbc, dataSource, "change_notices_test");
        listener =
                Thread.ofVirtual().start(() -> notices.listen(received::add, listening::countDown));
        assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stop() throws InterruptedException {
        listener.interrupt();
        listener.join(10_000);
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
    void anInterruptedListenerStopsInsteadOfReconnecting() throws InterruptedException {
        listener.interrupt();
        listener.join(10_000);

        assertThat(listener.isAlive()).isFalse();
    }

    @Test
    void aChannelMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> new ChangeNotices(jdbc, dataSource, "x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
