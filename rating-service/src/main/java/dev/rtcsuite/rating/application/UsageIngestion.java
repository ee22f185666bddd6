package dev.rtcsuite.rating.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.rating.persistence.UsageRecordRepository;
import dev.rtcsuite.rating.persistence.UsageRecordRepository.StoredKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Stores usage facts durably and once (SPEC R-8): a batch is one transaction, so it is stored whole
 * or not at all, and acknowledged only after it is committed. A record whose (app, key) was stored
 * before, in this batch or any earlier one, is counted as a duplicate and changes nothing.
 *
 * <p>Acknowledging costs about what storing the facts costs: the same transaction schedules one
 * durable job that folds the new facts into the rated buckets ({@link UsageFolding}) right after.
 */
@ApplicationScoped
public class UsageIngestion {

    private final UsageRecordRepository records;
    private final DurableJobs jobs;
    private final Clock clock;

    public UsageIngestion(UsageRecordRepository records, DurableJobs jobs, Clock clock) {
        this.records = records;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional
    public IngestResult ingest(List<UsageRecord> batch) {
        List<UsageRecord> stored = records.insertAbsent(batch);
        if (!stored.isEmpty()) {
            jobs.schedule(
                    UsageFolding.KIND,
                    UUID.randomUUID().toString(),
                    UsageFolding.payload(
                            stored.stream()
                                    .map(r -> new StoredKey(r.sdkAppId(), r.idempotencyKey()))
                                    .toList()),
                    clock.instant());
        }
        return new IngestResult(stored.size(), batch.size() - stored.size());
    }
}
