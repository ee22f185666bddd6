package dev.rtcsuite.platform.persistence;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    private static final Duration POLL = Duration.ofSeconds(5);
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

    /**
     * Listens until the thread is interrupted: each notice's payload goes to {@code onNotice};
     * {@code onGap} runs whenever listening (re)starts, since notices sent meanwhile are lost.
     * Holds one connection of the pool while it listens.
     */
    public void listen(Consumer<String> onNotice, Runnable onGap) {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                onGap.run();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notices = pg.getNotifications((int) POLL.toMillis());
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            onNotice.accept(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // stopped: the interrupt closed the connection under the wait
                }
                LOG.warnf("listening on %s failed, retrying: %s", channel, e.toString());
                try {
                    Thread.sleep(RECONNECT);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
