package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.domain.files.StorageDay;
import dev.rtcsuite.recording.persistence.StorageTotals;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Storage usage of kept files (SPEC C-7, R-7): once a billing day (in the account's zone) has
 * closed, the app's GB-days of that day — each file's bytes for the share of the day it was kept —
 * go to rating-service, once per app and day (the job key), retried until rating-service takes
 * them. The last three days are looked at, so a day is not missed when the service was down over
 * midnight.
 */
@ApplicationScoped
public class StorageUsage {

    static final int DAYS_BACK = 3;

    private final StorageTotals totals;
    private final DurableJobs jobs;
    private final Clock clock;

    public StorageUsage(StorageTotals totals, DurableJobs jobs, Clock clock) {
        this.totals = totals;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Asks for the sweep of the current hour (idempotent across replicas). */
    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void askForSweep() {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        jobs.schedule(
                JobKinds.STORAGE_SWEEP, hour.toString(), JobKinds.NO_PAYLOAD, clock.instant());
    }

    /** Queues the report of every closed billing day not yet queued. */
    @ApplicationScoped
    static class Sweep implements JobHandler {
        private final StorageUsage usage;

        Sweep(StorageUsage usage) {
            this.usage = usage;
        }

        @Override
        public String kind() {
            return JobKinds.STORAGE_SWEEP;
        }

        @Override
        public void run(Job job) {
            usage.queueClosedDays(job.dueTime());
        }
    }

    void queueClosedDays(Instant now) {
        for (StorageTotals.AppZone app :
                totals.appsWithFiles(now.minus(DAYS_BACK + 1, ChronoUnit.DAYS))) {
            ZoneId zone = ZoneId.of(app.zone());
            LocalDate today = now.atZone(zone).toLocalDate();
            for (int back = 1; back <= DAYS_BACK; back++) {
                StorageDay day = new StorageDay(today.minusDays(back), zone);
                long bytes =
                        day.averageBytes(
                                totals.byteSecondsKept(app.sdkAppId(), day.start(), day.end()));
                if (bytes > 0) {
                    jobs.schedule(
                            JobKinds.STORAGE_REPORT,
                            app.sdkAppId() + ":" + day.day(),
                            JobKinds.utf8(Long.toString(bytes)),
                            now);
                }
            }
        }
    }

    /** Sends one app's day; retried with back-off until rating-service takes it. */
    @ApplicationScoped
    static class Report implements JobHandler {
        private final UsageReporter reporter;

        Report(UsageReporter reporter) {
            this.reporter = reporter;
        }

        @Override
        public String kind() {
            return JobKinds.STORAGE_REPORT;
        }

        @Override
        public void run(Job job) {
            int colon = job.key().indexOf(':');
            reporter.sendStorage(
                    Long.parseLong(job.key().substring(0, colon)),
                    LocalDate.parse(job.key().substring(colon + 1)),
                    Long.parseLong(JobKinds.text(job.payload())));
        }
    }
}
