package dev.rtcsuite.recording.client;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import dev.rtcsuite.rating.v1.RecordingSegment;
import dev.rtcsuite.rating.v1.RecordingType;
import dev.rtcsuite.rating.v1.StorageUsage;
import dev.rtcsuite.rating.v1.UsageRecord;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.usage.UsageSegment;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Hands recording usage to rating-service's IngestUsage (SPEC R-4, C-7). Each record carries its
 * segment's idempotency key, so a repeat is counted once.
 */
@ApplicationScoped
public class UsageReporter {

    private final RatingServiceBlockingStub rating;

    public UsageReporter(@GrpcClient("rating") RatingServiceBlockingStub rating) {
        this.rating = rating;
    }

    /**
     * Sends the segments; throws (a StatusRuntimeException) when rating-service did not take them.
     */
    public void send(String reportKey, List<UsageSegment> segments) {
        IngestUsageRequest.Builder request =
                IngestUsageRequest.newBuilder()
                        .setRequestId(
                                UUID.nameUUIDFromBytes(
                                                ("recording-usage:" + reportKey)
                                                        .getBytes(StandardCharsets.UTF_8))
                                        .toString());
        segments.forEach(segment -> request.addRecords(record(segment)));
        rating.withDeadlineAfter(3, TimeUnit.SECONDS).ingestUsage(request.build());
    }

    /**
     * Sends one app's storage of one billing day: the bytes kept on average over the day (each
     * file's bytes for the share of the day it was kept), so GB-days = bytes / 10^9.
     */
    public void sendStorage(long sdkAppId, LocalDate billingDay, long storedBytes) {
        String key = "recording-storage:" + sdkAppId + ":" + billingDay;
        rating.withDeadlineAfter(3, TimeUnit.SECONDS)
                .ingestUsage(
                        IngestUsageRequest.newBuilder()
                                .setRequestId(
                                        UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                                                .toString())
                                .addRecords(
                                        UsageRecord.newBuilder()
                                                .setIdempotencyKey(key)
                                                .setSdkAppId(sdkAppId)
                                                .setStorage(
                                                        StorageUsage.newBuilder()
                                                                .setBillingDay(
                                                                        ProtoTime.date(billingDay))
                                                                .setStoredBytes(storedBytes)))
                                .build());
    }

    static UsageRecord record(UsageSegment segment) {
        var input = segment.input();
        return UsageRecord.newBuilder()
                .setIdempotencyKey(segment.idempotencyKey())
                .setSdkAppId(segment.sdkAppId())
                .setRecordingSegment(
                        RecordingSegment.newBuilder()
                                .setTaskId(segment.taskId())
                                .setRecordingType(
                                        segment.kind() == TaskKind.MIXED
                                                ? RecordingType.RECORDING_TYPE_MIXED_STREAM
                                                : RecordingType.RECORDING_TYPE_SINGLE_STREAM)
                                .setInputUserId(input.userId())
                                .setInputStreamType(
                                        input.aggregatedAudio()
                                                ? StreamType.STREAM_TYPE_UNSPECIFIED
                                                : input.streamType()
                                                                == dev.rtcsuite.recording.domain
                                                                        .StreamType.AUX
                                                        ? StreamType.STREAM_TYPE_AUX
                                                        : StreamType.STREAM_TYPE_MAIN)
                                .setInputStreamId(input.streamId())
                                .setFormatCount(segment.formatCount())
                                .setWidth(input.width())
                                .setHeight(input.height())
                                .setResumeWait(input.resumeWait())
                                .setAggregatedAudio(input.aggregatedAudio())
                                .setStartTime(ProtoTime.timestamp(segment.start()))
                                .setSeconds(segment.seconds()))
                .build();
    }
}
