package dev.rtcsuite.mixing.persistence;

import dev.rtcsuite.platform.persistence.ChangeNotices;
import dev.rtcsuite.platform.persistence.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * Session changes across replicas: a change notifies in its own transaction, so the notice is
 * delivered exactly when the change commits, to every replica.
 */
@ApplicationScoped
public class SessionNotices {

    static final String CHANNEL = "mix_session_changed";

    private final ChangeNotices notices;

    public SessionNotices(Jdbc jdbc, AgroalDataSource dataSource) {
        this.notices = new ChangeNotices(jdbc, dataSource, CHANNEL);
    }

    /** Announces, when the caller's transaction commits, that the session changed. */
    public void changed(String sessionId) {
        notices.announce(sessionId);
    }

    /**
     * See {@link ChangeNotices#start}: session ids to {@code onChange}, restarts to {@code onGap},
     * until closed.
     */
    public ChangeNotices.Listening listen(String name, Consumer<String> onChange, Runnable onGap) {
        return notices.start(name, onChange, onGap);
    }
}
