package dev.rtcsuite.suite;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.RatingServiceGrpc;
import dev.rtcsuite.rating.v1.UsageRecord;
import io.grpc.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Usage of one user alone in room 1 from 09:00 Asia/Shanghai on a day, ingested by rating-service
 * as the media plane reports it, and the app's bill of that day once rated (SPEC R-3: audio).
 */
final class AloneInARoom {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private AloneInARoom() {}

    static Instant start(LocalDate day) {
        return day.atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    /** Ingests {@code seconds} of presence and waits until the day's bill has its totals. */
    static DailyBill billAfter(
            Channel rating, long sdkAppId, String idempotencyKey, LocalDate day, long seconds)
            throws InterruptedException {
        var stub = RatingServiceGrpc.newBlockingStub(rating);
        Instant start = start(day);
        stub.ingestUsage(
                IngestUsageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .addRecords(
                                UsageRecord.newBuilder()
                                        .setIdempotencyKey(idempotencyKey)
                                        .setSdkAppId(sdkAppId)
                                        .setPresence(
                                                PresenceInterval.newBuilder()
                                                        .setRoomId(1)
                                                        .setUserId("alone")
                                                        .setStartTime(timestamp(start))
                                                        .setEndTime(
                                                                timestamp(
                                                                        start.plusSeconds(
                                                                                seconds)))))
                        .build());
        GetDailyBillRequest billOfTheDay =
                GetDailyBillRequest.newBuilder()
                        .setSdkAppId(sdkAppId)
                        .setBillingDay(
                                Date.newBuilder()
                                        .setYear(day.getYear())
                                        .setMonth(day.getMonthValue())
                                        .setDay(day.getDayOfMonth()))
                        .build();
        // Acknowledged usage is folded into the rated buckets by a job within about a second.
        Instant deadline = Instant.now().plusSeconds(15);
        DailyBill bill = stub.getDailyBill(billOfTheDay).getBill();
        while (bill.getTotalsCount() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            bill = stub.getDailyBill(billOfTheDay).getBill();
        }
        return bill;
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }
}
