package dev.rtcsuite.mixing.client;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.common.v1.VideoCodec;
import dev.rtcsuite.mixing.config.MixingConfig;
import dev.rtcsuite.mixing.domain.usage.UsageReport;
import dev.rtcsuite.mixing.domain.usage.UsageSegment;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.MixTranscodeSegment;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import dev.rtcsuite.rating.v1.UsageRecord;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Hands one usage period of a session to rating-service's IngestUsage (SPEC R-5, M-5). Each record
 * carries its idempotency key {@code {session}:{stream}:{segment-seq}}, so a repeat is counted
 * once.
 */
@ApplicationScoped
public class UsageReporter {

    private final RatingServiceBlockingStub rating;
    private final MixingConfig config;

    public UsageReporter(
            @GrpcClient("rating") RatingServiceBlockingStub rating, MixingConfig config) {
        this.rating = rating;
        this.config = config;
    }

    /** Sends the report; throws (a StatusRuntimeException) when rating-service did not take it. */
    public void send(UsageReport report) {
        IngestUsageRequest.Builder request =
                IngestUsageRequest.newBuilder()
                        .setRequestId(
                                UUID.nameUUIDFromBytes(
                                                ("mixing-usage:"
                                                                + report.sessionId()
                                                                + ":"
                                                                + report.seq())
                                                        .getBytes(StandardCharsets.UTF_8))
                                        .toString());
        for (UsageSegment segment : report.segments()) {
            request.addRecords(record(report, segment));
        }
        rating.withDeadlineAfter(config.callDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .ingestUsage(request.build());
    }

    static UsageRecord record(UsageReport report, UsageSegment segment) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey(segment.idempotencyKey(report.sessionId(), report.seq()))
                .setSdkAppId(report.sdkAppId())
                .setMixTranscodeSegment(
                        MixTranscodeSegment.newBuilder()
                                .setSessionId(report.sessionId())
                                .setInputUserId(segment.userId())
                                .setInputStreamType(
                                        segment.userId().isEmpty()
                                                ? StreamType.STREAM_TYPE_UNSPECIFIED
                                                : segment.streamType()
                                                                == dev.rtcsuite.mixing.domain
                                                                        .StreamType.AUX
                                                        ? StreamType.STREAM_TYPE_AUX
                                                        : StreamType.STREAM_TYPE_MAIN)
                                .setOutputCodec(
                                        segment.outputCodec()
                                                        == dev.rtcsuite.mixing.domain.params
                                                                .VideoCodec.H265
                                                ? VideoCodec.VIDEO_CODEC_H265
                                                : VideoCodec.VIDEO_CODEC_H264)
                                .setWidth(segment.width())
                                .setHeight(segment.height())
                                .setPadding(segment.padding())
                                .setAggregatedAudio(segment.aggregatedAudio())
                                .setStartTime(ProtoTime.timestamp(segment.start()))
                                .setSeconds(segment.seconds()))
                .build();
    }
}
