package dev.rtcsuite.rating.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.IngestUsageResponse;
import dev.rtcsuite.rating.v1.MutinyRatingServiceGrpc.MutinyRatingServiceStub;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import dev.rtcsuite.rating.v1.StreamUsageRequest;
import dev.rtcsuite.rating.v1.StreamUsageResponse;
import dev.rtcsuite.rating.v1.SubscriptionInterval;
import dev.rtcsuite.rating.v1.UsageRecord;
import io.agroal.api.AgroalDataSource;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * SPEC R-8 ingestion: durable, counted once per key, validated record by record, atomic per batch.
 */
@QuarkusTest
class UsageIngestionGrpcTest {

    private static final AtomicLong APPS =
            new AtomicLong(1_700_000_000L + System.nanoTime() % 1_000_000);

    @GrpcClient RatingServiceBlockingStub rating;

    @GrpcClient MutinyRatingServiceStub ratingStreams;

    @Inject AgroalDataSource dataSource;

    private final long app = APPS.incrementAndGet();
    private final Instant hourAgo =
            Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aBatchIsStoredAndARecordReceivedAgainCountsOnce() throws Exception {
        List<UsageRecord> batch = List.of(presence("p-1", "alice"), subscription("s-1"));

        IngestUsageResponse first = ingest(UUID.randomUUID().toString(), batch);
        IngestUsageResponse again = ingest(UUID.randomUUID().toString(), batch);

        assertThat(first.getAcceptedCount()).isEqualTo(2);
        assertThat(first.getDuplicateCount()).isZero();
        assertThat(again.getAcceptedCount()).isZero();
        assertThat(again.getDuplicateCount()).isEqualTo(2);
        assertThat(storedRecords()).isEqualTo(2);
    }

    @Test
    void duplicatesInsideOneBatchCountOnce() throws Exception {
        IngestUsageResponse response =
                ingest(
                        UUID.randomUUID().toString(),
                        List.of(presence("p-1", "alice"), presence("p-1", "alice")));

        assertThat(response.getAcceptedCount()).isEqualTo(1);
        assertThat(response.getDuplicateCount()).isEqualTo(1);
        assertThat(storedRecords()).isEqualTo(1);
    }

    @Test
    void aRetriedCallReturnsItsFirstAnswer() {
        String requestId = UUID.randomUUID().toString();
        List<UsageRecord> batch = List.of(presence("p-1", "alice"));

        IngestUsageResponse first = ingest(requestId, batch);
        IngestUsageResponse retry = ingest(requestId, batch);

        assertThat(retry).isEqualTo(first);
        assertThat(retry.getAcceptedCount()).isEqualTo(1);
    }

    @Test
    void aBadRecordRejectsItsWholeBatchNamingIndexAndField() throws Exception {
        UsageRecord backwards =
                presence("p-2", "bob").toBuilder()
                        .setPresence(
                                presence("p-2", "bob").getPresence().toBuilder()
                                        .setEndTime(at(hourAgo.minusSeconds(60))))
                        .build();
        UsageRecord future =
                presence("p-3", "carol").toBuilder()
                        .setPresence(
                                presence("p-3", "carol").getPresence().toBuilder()
                                        .setEndTime(at(Instant.now().plus(Duration.ofHours(1)))))
                        .build();
        UsageRecord noStream =
                subscription("s-2").toBuilder()
                        .setSubscription(
                                subscription("s-2").getSubscription().toBuilder()
                                        .setSenderStreamType(StreamType.STREAM_TYPE_UNSPECIFIED))
                        .build();
        UsageRecord noKey = presence("", "dave");

        RpcError error =
                RpcError.of(
                        () ->
                                ingest(
                                        UUID.randomUUID().toString(),
                                        List.of(
                                                presence("p-1", "alice"),
                                                backwards,
                                                future,
                                                noStream,
                                                noKey)));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields())
                .containsExactly(
                        "records[1].presence.end_time",
                        "records[2].presence.end_time",
                        "records[3].subscription.sender_stream_type",
                        "records[4].idempotency_key");
        assertThat(error.violations().get("records[2].presence.end_time")).contains("future");
        assertThat(storedRecords()).isZero();
    }

    @Test
    void aClientStreamStoresEachBatchAndAcknowledgesThemAll() throws Exception {
        StreamUsageResponse response =
                ratingStreams
                        .streamUsage(
                                Multi.createFrom()
                                        .items(
                                                StreamUsageRequest.newBuilder()
                                                        .addRecords(presence("p-1", "alice"))
                                                        .addRecords(subscription("s-1"))
                                                        .build(),
                                                StreamUsageRequest.newBuilder()
                                                        .addRecords(presence("p-1", "alice"))
                                                        .addRecords(presence("p-2", "bob"))
                                                        .build()))
                        .await()
                        .atMost(Duration.ofSeconds(10));

        assertThat(response.getBatchCount()).isEqualTo(2);
        assertThat(response.getAcceptedCount()).isEqualTo(3);
        assertThat(response.getDuplicateCount()).isEqualTo(1);
        assertThat(storedRecords()).isEqualTo(3);
    }

    private IngestUsageResponse ingest(String requestId, List<UsageRecord> records) {
        return rating.ingestUsage(
                IngestUsageRequest.newBuilder()
                        .setRequestId(requestId)
                        .addAllRecords(records)
                        .build());
    }

    private UsageRecord presence(String key, String user) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey(key)
                .setSdkAppId(app)
                .setPresence(
                        PresenceInterval.newBuilder()
                                .setRoomId(42)
                                .setUserId(user)
                                .setStartTime(at(hourAgo))
                                .setEndTime(at(hourAgo.plus(Duration.ofMinutes(30)))))
                .build();
    }

    private UsageRecord subscription(String key) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey(key)
                .setSdkAppId(app)
                .setSubscription(
                        SubscriptionInterval.newBuilder()
                                .setRoomId(42)
                                .setReceiverUserId("alice")
                                .setSenderUserId("bob")
                                .setSenderStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setReceivedWidth(1280)
                                .setReceivedHeight(720)
                                .setStartTime(at(hourAgo))
                                .setEndTime(at(hourAgo.plus(Duration.ofMinutes(30)))))
                .build();
    }

    private static Timestamp at(Instant instant) {
        return ProtoTime.timestamp(instant);
    }

    private long storedRecords() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var statement =
                        connection.prepareStatement(
                                "SELECT count(*) FROM usage_record WHERE sdk_app_id = ?")) {
            statement.setLong(1, app);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
