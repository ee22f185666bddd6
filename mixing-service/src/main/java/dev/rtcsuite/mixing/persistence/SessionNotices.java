package dev.rtcsuite.mixing.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Session changes across replicas through PostgreSQL LISTEN/NOTIFY: a change notifies in its own
 * transaction, so the notice is delivered exactly when the change commits, to every replica.
 */
@ApplicationScoped
public class SessionNotices {

    static final String CHANNEL = "mix_session_changed";

    private static final Logger LOG = Logger.getLogger(SessionNotices.class);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;

    public SessionNotices(Jdbc jdbc, AgroalDataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Announces, when the caller's transaction commits, that the session changed. */
    public void changed(String sessionId) {
        jdbc.query("SELECT pg_notify(?, ?)", row -> null, CHANNEL, sessionId);
    }

    /**
     * Listens until the thread is interrupted: each notice's session id goes to {@code onChange};
     * {@code onGap} runs whenever listening (re)starts, since notices sent meanwhile are lost.
     * Holds one connection of the pool for as long as it listens.
     */
    public void listen(Consumer<String> onChange, Runnable onGap) {
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                onGap.run();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notices = pg.getNotifications((int) POLL.toMillis());
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            onChange.accept(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("listening for session changes failed, retrying: %s", e.toString());
                try {
                    Thread.sleep(RECONNECT);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
