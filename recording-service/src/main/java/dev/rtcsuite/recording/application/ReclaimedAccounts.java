package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.recording.persistence.ConfigRepository;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.persistence.ReclaimedRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A reclaimed account's configuration, records and files are purged and cannot be recovered (SPEC
 * P-6). At once: its files are deleted (no longer listed, served or kept in storage) and its
 * recording configuration, callback address and signing key with it, is removed. Its records —
 * tasks, file index entries, usage segments, callback deliveries — go later, in a durable job per
 * app: once the storage sweep can no longer report a day the files were kept (it looks {@link
 * StorageUsage#DAYS_BACK} days back) and every usage segment has reached rating-service, so that
 * what was used before the reclaim is still billed.
 */
@ApplicationScoped
public class ReclaimedAccounts implements JobHandler {

    /** After the storage sweep has looked at the day of the reclaim for the last time. */
    static final Duration RECORDS_KEPT = Duration.ofDays(StorageUsage.DAYS_BACK + 1L);

    private static final Logger LOG = Logger.getLogger(ReclaimedAccounts.class);
    private static final int CHUNK = 500;

    /** What a reclaim removed at once. */
    public record Purged(int files, boolean configuration) {}

    private final FileRepository files;
    private final ConfigRepository configs;
    private final ReclaimedRecords records;
    private final DurableJobs jobs;

    public ReclaimedAccounts(
            FileRepository files,
            ConfigRepository configs,
            ReclaimedRecords records,
            DurableJobs jobs) {
        this.files = files;
        this.configs = configs;
        this.records = records;
        this.jobs = jobs;
    }

    /**
     * Purges the app's files and configuration and schedules the purge of its records; idempotent
     * (every replica, and every request that finds the account reclaimed, may call it). Runs in the
     * caller's transaction.
     */
    public Purged purge(long sdkAppId, Instant now) {
        Purged purged = new Purged(files.deleteAllOf(sdkAppId, now), configs.delete(sdkAppId));
        jobs.schedule(kind(), key(sdkAppId, 0), JobKinds.NO_PAYLOAD, now.plus(RECORDS_KEPT));
        return purged;
    }

    @Override
    public String kind() {
        return JobKinds.RECLAIM_PURGE;
    }

    /** Deletes one chunk of the app's records and schedules the next; retried while busy. */
    @Override
    public void run(Job job) {
        int colon = job.key().indexOf(':');
        long sdkAppId = Long.parseLong(job.key().substring(0, colon));
        int chunk = Integer.parseInt(job.key().substring(colon + 1));
        if (records.tasksUnended(sdkAppId)) {
            throw new IllegalStateException(
                    "records of reclaimed SdkAppId " + sdkAppId + " wait for its tasks to end");
        }
        if (records.usageUnreported(sdkAppId, JobKinds.USAGE_REPORT)) {
            throw new IllegalStateException(
                    "records of reclaimed SdkAppId "
                            + sdkAppId
                            + " wait for their usage to reach rating-service");
        }
        int deliveries = records.deleteCallbacks(sdkAppId, CHUNK);
        int tasks = records.deleteTasks(sdkAppId, CHUNK);
        if (deliveries == CHUNK || tasks == CHUNK) {
            jobs.schedule(kind(), key(sdkAppId, chunk + 1), JobKinds.NO_PAYLOAD, job.dueTime());
        } else {
            LOG.infof("records of SdkAppId %d purged: its account was reclaimed", sdkAppId);
        }
    }

    private static String key(long sdkAppId, int chunk) {
        return sdkAppId + ":" + chunk;
    }
}
