package dev.rtcsuite.packages.bench;

import dev.rtcsuite.common.v1.BillableItem;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.v1.BatchDeductUsageRequest;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.DeductUsageOutcome;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.GrantPackageRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Deduction throughput (issue #4), a harness rather than a test: DeductUsage through the gRPC API
 * of the service under test into real PostgreSQL, on one hot account and spread over many accounts,
 * then the overdraft count (package minutes taken beyond what a package had, or a package whose
 * remaining minutes disagree with its deductions). Runs only when asked:
 *
 * <pre>./mvnw -B verify -pl package-service -Dtest=DeductionBenchmark -Dbench=true
 *   [-Dbench.deductions=20000 -Dbench.callers=32 -Dbench.accounts=100 -Dbench.batch=1]</pre>
 *
 * With {@code bench.batch} above 1 the callers send BatchDeductUsage calls of that many intervals
 * (rating-service's hand-off does) instead of one DeductUsage per interval.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DeductionBenchmark {

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject AgroalDataSource dataSource;

    private final int deductions = Integer.getInteger("bench.deductions", 20_000);
    private final int callers = Integer.getInteger("bench.callers", 32);
    private final int accounts = Integer.getInteger("bench.accounts", 100);
    private final int batch = Integer.getInteger("bench.batch", 1);

    /** Intervals of one app and day: 288 five-minute intervals (of 300 allowed) × 6 tiers. */
    private static final int KEYS_PER_DAY = 288 * 6;

    @Test
    void deductionThroughput() throws Exception {
        List<Long> hot = List.of(newApp());
        List<Long> many = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            many.add(newApp());
        }
        // Billing days from today on, inside the packages' validity (a package funds no day before
        // it was granted: such usage would all be postpaid); the two runs on the same apps take
        // days of their own, so that every interval is new.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        run("warm-up", many, deductions / 10, today);
        double hotRate = run("hot account", hot, deductions, today);
        double manyRate =
                run(
                        accounts + " accounts",
                        many,
                        deductions,
                        today.plusDays(1 + deductions / 10 / accounts / KEYS_PER_DAY));
        System.out.printf(
                "%n%s, %d deductions each run, %d concurrent callers%n"
                        + "one hot account:       %,.0f deductions/s%n"
                        + "%d accounts:           %,.0f deductions/s%n"
                        + "overdrafts:            %d%n"
                        + "funded by packages:    %,d of the deductions%n",
                batch == 1 ? "DeductUsage" : "BatchDeductUsage of " + batch,
                deductions,
                callers,
                hotRate,
                accounts,
                manyRate,
                overdrafts(),
                packageFunded(hot, many));
    }

    /** Deductions of these apps that a package funded (a part at least), not postpaid alone. */
    private long packageFunded(List<Long> hot, List<Long> many) throws Exception {
        List<Long> apps = new ArrayList<>(hot);
        apps.addAll(many);
        try (Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT count(*) FROM deduction d WHERE d.sdk_app_id = ANY(?) AND"
                                        + " EXISTS (SELECT 1 FROM deduction_part p WHERE"
                                        + " p.deduction_id = d.deduction_id)")) {
            statement.setArray(1, connection.createArrayOf("bigint", apps.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private double run(String name, List<Long> apps, int count, LocalDate firstDay)
            throws Exception {
        List<DeductUsageRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long app = apps.get(i % apps.size());
            int slot = i / apps.size();
            requests.add(
                    DeductUsageRequest.newBuilder()
                            .setRequestId(UUID.randomUUID().toString())
                            .setSdkAppId(app)
                            .setBillingDay(ProtoTime.date(firstDay.plusDays(slot / KEYS_PER_DAY)))
                            .setItem(BillableItem.BILLABLE_ITEM_BASE_SERVICE)
                            .setTier(ResolutionTier.forNumber(1 + slot % 6))
                            .setIntervalIndex((slot / 6) % 288)
                            .setUsageMinutes(1 + i % 7)
                            .setUnitPrice(
                                    ProtoMoney.money(
                                            new BigDecimal("0.028"), Currency.getInstance("CNY")))
                            .setPriceBookVersion("bench")
                            .build());
        }
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<?>> calls = new ArrayList<>();
            int perCaller = (count + callers - 1) / callers;
            for (int c = 0; c < callers; c++) {
                List<DeductUsageRequest> share =
                        requests.subList(
                                Math.min(count, c * perCaller),
                                Math.min(count, (c + 1) * perCaller));
                calls.add(pool.submit(() -> send(share)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %d deductions in %.2f s%n", name, count, seconds);
        return count / seconds;
    }

    /** One DeductUsage per interval, or BatchDeductUsage calls of {@code batch} intervals. */
    private void send(List<DeductUsageRequest> share) {
        if (batch == 1) {
            share.forEach(packages::deductUsage);
            return;
        }
        for (int from = 0; from < share.size(); from += batch) {
            List<DeductUsageOutcome> outcomes =
                    packages.batchDeductUsage(
                                    BatchDeductUsageRequest.newBuilder()
                                            .addAllRequests(
                                                    share.subList(
                                                            from,
                                                            Math.min(share.size(), from + batch)))
                                            .build())
                            .getOutcomesList();
            for (DeductUsageOutcome outcome : outcomes) {
                if (outcome.hasError()) {
                    throw new IllegalStateException("refused: " + outcome.getError());
                }
            }
        }
    }

    /** An account with one big gift package (the trial too) and its app. */
    private long newApp() {
        String account =
                packages.createAccount(
                                CreateAccountRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setDisplayName("bench")
                                        .setTrialExhaustionPolicy(
                                                TrialExhaustionPolicy
                                                        .TRIAL_EXHAUSTION_POLICY_CONTINUE)
                                        .build())
                        .getAccount()
                        .getAccountId();
        packages.grantPackage(
                GrantPackageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account)
                        .setMinutes(100_000_000)
                        .setValidityMonths(36)
                        .setNote("bench")
                        .build());
        return packages.createApp(
                        CreateAppRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(account)
                                .setName("bench")
                                .build())
                .getApp()
                .getSdkAppId();
    }

    private long overdrafts() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery(
                                "SELECT (SELECT count(*) FROM deduction_part WHERE minutes_after <"
                                        + " 0 OR minutes_before - package_minutes <>"
                                        + " minutes_after) + (SELECT count(*) FROM prepaid_package"
                                        + " p WHERE p.total_minutes - p.remaining_minutes <>"
                                        + " coalesce((SELECT sum(package_minutes) FROM"
                                        + " deduction_part d WHERE d.package_id = p.package_id),"
                                        + " 0))")) {
            row.next();
            return row.getLong(1);
        }
    }
}
