package dev.rtcsuite.platform.persistence;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Changes announced across replicas on one PostgreSQL LISTEN/NOTIFY channel: a notice sent in a
 * transaction is delivered when it commits (never when it rolls back), to every replica, so watch
 * streams see changes made anywhere.
 */
public final class ChangeNotices {

    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** How long a wait for notices lasts: also how long closing a listener may take. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;
    private final String channel;

    public ChangeNotices(Jdbc jdbc, AgroalDataSource dataSource, String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.channel = channel;
    }

    /** Announces {@code payload} when the caller's transaction commits. */
    public void announce(String payload) {
        jdbc.query("SELECT pg_notify(?, ?)", row -> null, channel, payload);
    }

    /** A listener on its own virtual thread: {@link #close} stops it. */
    public static final class Listening implements AutoCloseable {
        private volatile boolean stopped;
        private Thread thread;

        /**
         * Stops listening and waits (at most a poll) until the connection is back in the pool:
         * closed before the pool itself is, at shutdown, rather than broken under it by an
         * interrupt.
         */
        @Override
        public void close() {
            stopped = true;
            try {
                thread.join(POLL.plusSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean isListening() {
            return thread.isAlive();
        }
    }

    /**
     * Listens on a virtual thread named {@code name} until closed: each notice's payload goes to
     * {@code onNotice}; {@code onGap} runs whenever listening (re)starts, since notices sent
     * meanwhile are lost. Holds one connection of the pool while it listens.
     */
    public Listening start(String name, Consumer<String> onNotice, Runnable onGap) {
        Listening listening = new Listening();
        listening.thread =
                Thread.ofVirtual()
                        .name(name)
                        .start(() -> listen(onNotice, onGap, () -> listening.stopped));
        return listening;
    }

    /** Listens until {@code stopped} or the thread is interrupted. */
    void listen(Consumer<String> onNotice, Runnable onGap, BooleanSupplier stopped) {
        BooleanSupplier running =
                () -> !stopped.getAsBoolean() && !Thread.currentThread().isInterrupted();
        while (running.getAsBoolean()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                onGap.run();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running.getAsBoolean()) {
                    PGNotification[] notices = pg.getNotifications((int) POLL.toMillis());
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            onNotice.accept(notice.getParameter());
                        }
                    }
                }
                statement.execute("UNLISTEN " + channel);
            } catch (SQLException | RuntimeException e) {
                if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    return; // stopped: an interrupt closes the connection under the wait
                }
                LOG.warnf("listening on %s failed, retrying: %s", channel, e.toString());
                try {
                    Thread.sleep(RECONNECT);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
