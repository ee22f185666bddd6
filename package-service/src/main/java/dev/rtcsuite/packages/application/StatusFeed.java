package dev.rtcsuite.packages.application;

import dev.rtcsuite.platform.persistence.ChangeNotices;
import dev.rtcsuite.platform.persistence.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Status changes for WatchServiceStatus streams, from every replica (SPEC P-6, X-4): a change is
 * announced on a PostgreSQL NOTIFY channel in the transaction that makes it, so it reaches the
 * watchers of every replica, this one included, exactly when it commits, and never when it rolls
 * back.
 */
@ApplicationScoped
public class StatusFeed {

    static final String CHANNEL = "package_status_changed";
    static final int BACKLOG = 10_000;

    private static final Logger LOG = Logger.getLogger(StatusFeed.class);

    private final ChangeNotices notices;
    private final BroadcastProcessor<Optional<StatusChanged>> changes = BroadcastProcessor.create();
    private ChangeNotices.Listening listener;

    public StatusFeed(Jdbc jdbc, AgroalDataSource dataSource) {
        this.notices = new ChangeNotices(jdbc, dataSource, CHANNEL);
    }

    void start(@Observes StartupEvent started) {
        listener = notices.start("status-notices", this::received, this::missed);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (listener != null) {
            listener.close();
        }
    }

    /** Fired inside the changing transaction: the notice goes out when it commits. */
    void announce(@Observes StatusChanged change) {
        notices.announce(change.notice());
    }

    /**
     * Each committed change, from any replica; an empty item when listening (re)started, since
     * changes may have been missed meanwhile: watchers then read all they watch again.
     *
     * <p>A watcher takes one change at a time while the broadcast does not wait, so a burst (one
     * commit changing several accounts, or several replicas at once) is buffered per watcher; a
     * watcher more than {@value #BACKLOG} changes behind fails and reconnects to a fresh snapshot.
     */
    public Multi<Optional<StatusChanged>> changes() {
        return changes.onOverflow().buffer(BACKLOG);
    }

    private void received(String notice) {
        StatusChanged change;
        try {
            change = StatusChanged.ofNotice(notice);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring a malformed notice on %s: %s", CHANNEL, notice);
            return;
        }
        changes.onNext(Optional.of(change));
    }

    private void missed() {
        changes.onNext(Optional.empty());
    }
}
