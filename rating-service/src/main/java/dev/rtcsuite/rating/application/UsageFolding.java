package dev.rtcsuite.rating.application;

import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.rating.persistence.UsageRecordRepository;
import dev.rtcsuite.rating.persistence.UsageRecordRepository.StoredKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds an acknowledged batch of facts into the rated buckets: a durable job per batch, run once
 * (its bucket writes commit with the job's completion), by whichever replica claims it.
 * Base-service users are recomputed from the whole log under their locks, so batches may fold in
 * any order.
 */
@ApplicationScoped
public class UsageFolding implements JobHandler {

    public static final String KIND = "rating.fold-usage";

    private final UsageRecordRepository records;
    private final UsageAggregation aggregation;
    private final DurableJobs jobs;

    public UsageFolding(
            UsageRecordRepository records, UsageAggregation aggregation, DurableJobs jobs) {
        this.records = records;
        this.aggregation = aggregation;
        this.jobs = jobs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A job per acknowledged batch, under a fresh key: its row has no use once done. */
    @Override
    public Optional<Duration> keepDone() {
        return Optional.of(Duration.ofDays(2));
    }

    @Override
    public void run(Job job) {
        aggregation.stored(records.byKeys(keys(job.payload())));
    }

    /**
     * When the oldest batch still to fold was acknowledged: usage received since then may be
     * missing from the buckets. Empty when every batch is folded.
     */
    public Optional<Instant> oldestUnfolded() {
        return jobs.oldestPending(KIND);
    }

    static byte[] payload(List<StoredKey> keys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(keys.size());
            for (StoredKey key : keys) {
                out.writeLong(key.sdkAppId());
                out.writeUTF(key.idempotencyKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<StoredKey> keys(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<StoredKey> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                keys.add(new StoredKey(in.readLong(), in.readUTF()));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
