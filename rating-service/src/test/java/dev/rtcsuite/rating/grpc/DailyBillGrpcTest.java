package dev.rtcsuite.rating.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.google.type.Money;
import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.rating.client.AccountDirectory;
import dev.rtcsuite.rating.client.AccountDirectory.AppAccount;
import dev.rtcsuite.rating.v1.BillState;
import dev.rtcsuite.rating.v1.BucketGranularity;
import dev.rtcsuite.rating.v1.CreatePriceBookRequest;
import dev.rtcsuite.rating.v1.DailyBill;
import dev.rtcsuite.rating.v1.GetDailyBillRequest;
import dev.rtcsuite.rating.v1.IngestUsageRequest;
import dev.rtcsuite.rating.v1.IntervalUsage;
import dev.rtcsuite.rating.v1.ListIntervalUsageRequest;
import dev.rtcsuite.rating.v1.ListIntervalUsageResponse;
import dev.rtcsuite.rating.v1.PresenceInterval;
import dev.rtcsuite.rating.v1.PriceBook;
import dev.rtcsuite.rating.v1.PriceBookItem;
import dev.rtcsuite.rating.v1.PriceBookKind;
import dev.rtcsuite.rating.v1.QueryUsageRequest;
import dev.rtcsuite.rating.v1.QueryUsageResponse;
import dev.rtcsuite.rating.v1.RatingServiceGrpc.RatingServiceBlockingStub;
import dev.rtcsuite.rating.v1.RerateDayRequest;
import dev.rtcsuite.rating.v1.RerateDayResponse;
import dev.rtcsuite.rating.v1.SubscriptionInterval;
import dev.rtcsuite.rating.v1.TierPrice;
import dev.rtcsuite.rating.v1.UsageRecord;
import io.agroal.api.AgroalDataSource;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage ingested through gRPC, rated from the stored facts into the day's bill (SPEC,
 * The app's account and billing zone come from package-service, mocked here.
 */
@QuarkusTest
class DailyBillGrpcTest {

    private static final AtomicLong APPS =
            new AtomicLong(1_800_000_000L + System.nanoTime() % 1_000_000);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant TEN_AM = DAY.atTime(10, 0).atZone(SHANGHAI).toInstant();

    @GrpcClient RatingServiceBlockingStub rating;
    @Inject JobRunner jobs;
    @Inject Clock clock;
    @Inject AgroalDataSource dataSource;

    @InjectMock AccountDirectory accounts;

    private final long app = APPS.incrementAndGet();
    private final String account = UUID.randomUUID().toString();

    @BeforeEach
    void appBelongsToAnAccountInShanghai() {
        when(accounts.app(app)).thenReturn(new AppAccount(app, account, SHANGHAI));
        when(accounts.appsOf(account)).thenReturn(List.of(new AppAccount(app, account, SHANGHAI)));
    }

    @Test
    void r3Example3IsFivePointZeroFourOnTheDaysBill() {
        ingest(example3());

        assertFivePointZeroFour(bill(GetDailyBillRequest.newBuilder().setSdkAppId(app)));
    }

    @Test
    void factsArrivingOneByOneInAnyOrderBillTheSame() {
        // A subscription reported after the presence turns audio seconds into video seconds.
        List<UsageRecord> records = new ArrayList<>(example3());
        java.util.Collections.shuffle(records, new java.util.Random(app));
        records.forEach(record -> ingest(List.of(record)));

        assertFivePointZeroFour(bill(GetDailyBillRequest.newBuilder().setSdkAppId(app)));
    }

    @Test
    void factsFoldedConcurrentlyKeepTheTotalsEqualToTheUsersSum() throws Exception {
        // Each fact is folded by its own transaction at the same time: the users' recomputations
        // run in parallel and all of them change the app's totals, the rows that bills read.
        List<Callable<Void>> folds = new ArrayList<>();
        for (UsageRecord record : example3()) {
            folds.add(
                    () -> {
                        ingest(List.of(record));
                        return null;
                    });
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(folds.size())) {
            for (Future<Void> fold : threads.invokeAll(folds)) {
                fold.get();
            }
        }
        jobs.runDue(clock.instant(), 10_000);

        assertFivePointZeroFour(bill(GetDailyBillRequest.newBuilder().setSdkAppId(app)));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement mismatches =
                        connection.prepareStatement(
                                "SELECT count(*) FROM (SELECT bucket_start, item, tier, above_4k,"
                                        + " free, sum(seconds) AS seconds FROM rated_usage WHERE"
                                        + " sdk_app_id = ? GROUP BY 1, 2, 3, 4, 5) u FULL JOIN"
                                        + " (SELECT * FROM rated_total WHERE sdk_app_id = ?) t"
                                        + " USING (bucket_start, item, tier, above_4k, free)"
                                        + " WHERE coalesce(u.seconds, 0) <> coalesce(t.seconds,"
                                        + " 0)")) {
            mismatches.setLong(1, app);
            mismatches.setLong(2, app);
            try (ResultSet count = mismatches.executeQuery()) {
                count.next();
                assertThat(count.getLong(1)).isZero();
            }
        }
    }

    /** A sends 640×360, B audio only, C 1920×1080; all subscribe all, 30 minutes. */
    private List<UsageRecord> example3() {
        List<UsageRecord> records = new ArrayList<>();
        for (String user : List.of("A", "B", "C")) {
            records.add(presence(user));
        }
        records.add(subscription("A", "B", 0, 0));
        records.add(subscription("A", "C", 1920, 1080));
        records.add(subscription("B", "A", 640, 360));
        records.add(subscription("B", "C", 1920, 1080));
        records.add(subscription("C", "A", 640, 360));
        records.add(subscription("C", "B", 0, 0));
        return records;
    }

    private void assertFivePointZeroFour(DailyBill bill) {
        assertThat(bill.getTotalsList()).hasSize(1);
        assertThat(bill.getTotals(0).getExactAmount()).isEqualTo(cny(5, 40_000_000));
        assertThat(bill.getTotals(0).getRoundedAmount()).isEqualTo(cny(5, 40_000_000));
        assertThat(bill.getState()).isEqualTo(BillState.BILL_STATE_CLOSED);
        assertThat(bill.getBillingTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(bill.getAccountId()).isEqualTo(account);
        assertThat(bill.getLinesList())
                .extracting(line -> line.getTier() + ":" + line.getMinutes())
                .containsExactlyInAnyOrder(
                        "RESOLUTION_TIER_AUDIO:60",
                        "RESOLUTION_TIER_SD:60",
                        "RESOLUTION_TIER_FHD:60");
    }

    @Test
    void r2TableHoldsIntervalByInterval() {
        // 30 s, 20 s and 40 s of audio in the first three 5-minute intervals of the day.
        Instant midnight = DAY.atStartOfDay(SHANGHAI).toInstant();
        ingest(
                List.of(
                        presenceBetween("p1", midnight, midnight.plusSeconds(30)),
                        presenceBetween("p2", midnight.plusSeconds(300), midnight.plusSeconds(320)),
                        presenceBetween(
                                "p3", midnight.plusSeconds(600), midnight.plusSeconds(640))));

        ListIntervalUsageResponse intervals =
                rating.listIntervalUsage(
                        ListIntervalUsageRequest.newBuilder()
                                .setSdkAppId(app)
                                .setBillingDay(ProtoTime.date(DAY))
                                .build());

        assertThat(intervals.getIntervalsList())
                .extracting(
                        IntervalUsage::getIntervalIndex,
                        IntervalUsage::getSeconds,
                        IntervalUsage::getCumulativeSeconds,
                        IntervalUsage::getCumulativeBillableMinutes,
                        IntervalUsage::getBillableMinutes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 30L, 30L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(1, 20L, 50L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(2, 40L, 90L, 2L, 1L));
        assertThat(intervals.getIntervals(0).getItem())
                .isEqualTo(BillableItem.BILLABLE_ITEM_BASE_SERVICE);
        assertThat(intervals.getIntervals(0).getTier())
                .isEqualTo(ResolutionTier.RESOLUTION_TIER_AUDIO);
        assertThat(intervals.getIntervals(0).getUnitPrice())
                .isEqualTo(Money.newBuilder().setCurrencyCode("CNY").setNanos(7_000_000).build());
    }

    @Test
    void usageQueriesGiveFiveMinuteBucketsForADayAndDailyBucketsBeyond() {
        ingest(List.of(presence("A")));
        Instant midnight = DAY.atStartOfDay(SHANGHAI).toInstant();

        QueryUsageResponse day =
                rating.queryUsage(
                        QueryUsageRequest.newBuilder()
                                .setSdkAppId(app)
                                .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                                .setStartTime(ProtoTime.timestamp(midnight))
                                .setEndTime(ProtoTime.timestamp(midnight.plus(Duration.ofDays(1))))
                                .build());
        QueryUsageResponse week =
                rating.queryUsage(
                        QueryUsageRequest.newBuilder()
                                .setSdkAppId(app)
                                .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                                .setStartTime(
                                        ProtoTime.timestamp(midnight.minus(Duration.ofDays(3))))
                                .setEndTime(ProtoTime.timestamp(midnight.plus(Duration.ofDays(4))))
                                .build());

        // 30 minutes from 10:00: six 5-minute buckets of 300 s each, 5 billable minutes each.
        assertThat(day.getGranularity())
                .isEqualTo(BucketGranularity.BUCKET_GRANULARITY_FIVE_MINUTES);
        assertThat(day.getBucketsList()).hasSize(6);
        assertThat(day.getBucketsList()).allSatisfy(b -> assertThat(b.getSeconds()).isEqualTo(300));
        assertThat(week.getGranularity()).isEqualTo(BucketGranularity.BUCKET_GRANULARITY_DAILY);
        assertThat(week.getBucketsList())
                .singleElement()
                .satisfies(
                        b -> {
                            assertThat(b.getBillingDay()).isEqualTo(ProtoTime.date(DAY));
                            assertThat(b.getSeconds()).isEqualTo(1800);
                            assertThat(b.getBillableMinutes()).isEqualTo(30);
                        });
    }

    @Test
    void theAccountsBillAddsItsApps() {
        ingest(List.of(presence("A")));

        DailyBill bill = bill(GetDailyBillRequest.newBuilder().setAccountId(account));

        assertThat(bill.getSdkAppId()).isZero();
        assertThat(bill.getAccountId()).isEqualTo(account);
        // 30 audio minutes × 0.007 = 0.21.
        assertThat(bill.getTotals(0).getExactAmount()).isEqualTo(cny(0, 210_000_000));
    }

    @Test
    void aRerateWithAContractBookRepricesTheClosedDay() {
        ingest(List.of(presence("A")));
        String version = "rerate-audio-" + app;
        rating.createPriceBook(
                CreatePriceBookRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setPriceBook(
                                PriceBook.newBuilder()
                                        .setVersion(version)
                                        .setKind(PriceBookKind.PRICE_BOOK_KIND_CONTRACT)
                                        .addItems(
                                                PriceBookItem.newBuilder()
                                                        .setItem(
                                                                BillableItem
                                                                        .BILLABLE_ITEM_BASE_SERVICE)
                                                        .addTierPrices(
                                                                TierPrice.newBuilder()
                                                                        .setTier(
                                                                                ResolutionTier
                                                                                        .RESOLUTION_TIER_AUDIO)
                                                                        .setPricePerThousandMinutes(
                                                                                cny(10, 0)))))
                        .build());

        RerateDayResponse rerated =
                rating.rerateDay(
                        RerateDayRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setSdkAppId(app)
                                .setBillingDay(ProtoTime.date(DAY))
                                .setPriceBookVersion(version)
                                .build());

        // 30 audio minutes: 0.21 at 7.00 per 1,000 before; 0.30 at the contract's 10.00 after.
        assertThat(rerated.getPreviousTotals(0).getExactAmount()).isEqualTo(cny(0, 210_000_000));
        assertThat(rerated.getBill().getTotals(0).getExactAmount()).isEqualTo(cny(0, 300_000_000));
        assertThat(rerated.getBill().getLines(0).getPriceBookVersion()).isEqualTo(version);
        assertThat(
                        bill(GetDailyBillRequest.newBuilder().setSdkAppId(app))
                                .getTotals(0)
                                .getExactAmount())
                .isEqualTo(cny(0, 300_000_000));
    }

    @Test
    void badBillRequestsNameTheirFields() {
        RpcError error =
                RpcError.of(() -> rating.getDailyBill(GetDailyBillRequest.getDefaultInstance()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields()).containsExactly("billing_day", "scope");
    }

    private DailyBill bill(GetDailyBillRequest.Builder request) {
        return rating.getDailyBill(request.setBillingDay(ProtoTime.date(DAY)).build()).getBill();
    }

    /** Ingests, then folds every acknowledged batch into the buckets as the job poller does. */
    private void ingest(List<UsageRecord> records) {
        rating.ingestUsage(
                IngestUsageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .addAllRecords(records)
                        .build());
        jobs.runDue(clock.instant(), 10_000);
    }

    private UsageRecord presence(String user) {
        return presenceBetween("presence-" + user, TEN_AM, TEN_AM.plusSeconds(1800)).toBuilder()
                .setPresence(
                        PresenceInterval.newBuilder()
                                .setRoomId(7)
                                .setUserId(user)
                                .setStartTime(ProtoTime.timestamp(TEN_AM))
                                .setEndTime(ProtoTime.timestamp(TEN_AM.plusSeconds(1800))))
                .build();
    }

    private UsageRecord presenceBetween(String key, Instant start, Instant end) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey(key)
                .setSdkAppId(app)
                .setPresence(
                        PresenceInterval.newBuilder()
                                .setRoomId(7)
                                .setUserId("solo")
                                .setStartTime(ProtoTime.timestamp(start))
                                .setEndTime(ProtoTime.timestamp(end)))
                .build();
    }

    private UsageRecord subscription(String receiver, String sender, int width, int height) {
        return UsageRecord.newBuilder()
                .setIdempotencyKey("sub-" + receiver + "-" + sender)
                .setSdkAppId(app)
                .setSubscription(
                        SubscriptionInterval.newBuilder()
                                .setRoomId(7)
                                .setReceiverUserId(receiver)
                                .setSenderUserId(sender)
                                .setSenderStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setReceivedWidth(width)
                                .setReceivedHeight(height)
                                .setStartTime(ProtoTime.timestamp(TEN_AM))
                                .setEndTime(ProtoTime.timestamp(TEN_AM.plusSeconds(1800))))
                .build();
    }

    private static Money cny(long units, int nanos) {
        return Money.newBuilder().setCurrencyCode("CNY").setUnits(units).setNanos(nanos).build();
    }
}
