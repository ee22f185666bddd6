package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.persistence.UsageRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Stores usage facts durably and once (SPEC R-8): a batch is one transaction, so it is stored whole
 * or not at all, and acknowledged only after it is committed. A record whose (app, key) was stored
 * before, in this batch or any earlier one, is counted as a duplicate and changes nothing.
 */
@ApplicationScoped
public class UsageIngestion {

    private final UsageRecordRepository records;
    private final UsageAggregation aggregation;

    public UsageIngestion(UsageRecordRepository records, UsageAggregation aggregation) {
        this.records = records;
        this.aggregation = aggregation;
    }

    /** Stores the batch and folds each new fact into the rated buckets, all in one transaction. */
    @Transactional
    public IngestResult ingest(List<UsageRecord> batch) {
        List<UsageRecord> stored = records.insertAbsent(batch);
        aggregation.stored(stored);
        return new IngestResult(stored.size(), batch.size() - stored.size());
    }
}
