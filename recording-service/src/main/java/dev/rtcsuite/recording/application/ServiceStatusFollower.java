package dev.rtcsuite.recording.application;

import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.ServiceStatusWatch;
import dev.rtcsuite.recording.config.RecordingSettings;
import dev.rtcsuite.recording.domain.ServiceStanding;
import dev.rtcsuite.recording.persistence.TaskRepository;
import dev.rtcsuite.recording.persistence.TaskRepository.StoredTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Acts on package-service's service status as WatchServiceStatus reports it (SPEC P-6, C-3, C-5):
 * when an app goes out of service its running tasks stop at once — their files are transferred as
 * on any stop and the tasks end FAILED SERVICE_STOPPED — and when its account is reclaimed its
 * files and its recording configuration (callback address and signing key with it) are purged at
 * once, and its records a few days later ({@link ReclaimedAccounts}). (New tasks are refused and
 * files are not served per request, from GetServiceStatus; this is about what is already running or
 * stored.)
 *
 * <p>Nothing is lost to a missed message: each (re)connection of the watch, and a periodic
 * re-check, re-read the status of every app with running tasks. Every replica follows the watch; a
 * change is applied under the tasks' row locks and does nothing the second time, so replicas
 * applying the same change make it once.
 */
@ApplicationScoped
public class ServiceStatusFollower implements ServiceStatusWatch.Listener {

    private static final Logger LOG = Logger.getLogger(ServiceStatusFollower.class);

    private final ServiceStatusWatch watch;
    private final AppDirectory directory;
    private final TaskRepository tasks;
    private final TaskChanges changes;
    private final ReclaimedAccounts reclaimed;
    private final RecordingSettings settings;
    private final Clock clock;

    /** The latest standing applied per app: an older one arriving late is ignored. */
    private final Map<Long, ServiceStanding> latest = new ConcurrentHashMap<>();

    public ServiceStatusFollower(
            ServiceStatusWatch watch,
            AppDirectory directory,
            TaskRepository tasks,
            TaskChanges changes,
            ReclaimedAccounts reclaimed,
            RecordingSettings settings,
            Clock clock) {
        this.watch = watch;
        this.directory = directory;
        this.tasks = tasks;
        this.changes = changes;
        this.reclaimed = reclaimed;
        this.settings = settings;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (settings.statusWatch()) {
            watch.start(this);
        }
    }

    @Override
    public void connected() {
        recheck();
    }

    @Override
    public void changed(ServiceStanding standing) {
        apply(standing);
    }

    /**
     * The periodic re-check: a change that no message brought (missed just before a stream opened,
     * say) applies within this period. A failure waits for the next period.
     */
    @Scheduled(
            every = "${rtcsuite.recording.status-recheck-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicRecheck() {
        if (!settings.statusWatch()) {
            return;
        }
        try {
            recheck();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "service status re-check failed, tried again next period: %s", e.getMessage());
        }
    }

    /**
     * Re-reads the status of every app with running tasks, so a change that no message brought
     * (missed while the watch was reconnecting) still applies.
     */
    void recheck() {
        for (long sdkAppId : tasks.appsWithLiveTasks()) {
            directory.standing(sdkAppId).ifPresent(this::apply);
        }
    }

    /** Stops the app's running tasks when it is out of service; purges a reclaimed account. */
    public void apply(ServiceStanding standing) {
        ServiceStanding held =
                latest.merge(
                        standing.sdkAppId(),
                        standing,
                        (before, now) -> now.olderThan(before) ? before : now);
        if (held != standing || !standing.stopsRunningTasks()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> stopAndPurge(standing));
    }

    private void stopAndPurge(ServiceStanding standing) {
        Instant now = clock.instant();
        String why = "the app is out of service: " + standing.status();
        for (StoredTask task : tasks.lockLiveOfApp(standing.sdkAppId())) {
            changes.apply(task, task.task().serviceStopped(why, now), now);
            LOG.infof("task %s stopped: %s", task.task().id(), why);
        }
        if (standing.reclaimed()) {
            ReclaimedAccounts.Purged purged = reclaimed.purge(standing.sdkAppId(), now);
            if (purged.files() > 0 || purged.configuration()) {
                LOG.infof(
                        "%d file(s)%s of SdkAppId %d purged: its account was reclaimed",
                        purged.files(),
                        purged.configuration() ? " and the recording configuration" : "",
                        standing.sdkAppId());
            }
        }
    }
}
