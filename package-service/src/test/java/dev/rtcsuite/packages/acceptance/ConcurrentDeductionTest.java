package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.deduction.PackageDeduction;
import dev.rtcsuite.packages.domain.deduction.UsageMinutes;
import dev.rtcsuite.packages.persistence.DeductionRepository;
import dev.rtcsuite.packages.testing.TestClock;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.GrantPackageRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SPEC P-4 over real PostgreSQL: many parallel deductions against one account, each interval also
 * sent twice at once. No package goes below zero, every interval is deducted once, and usage is
 * conserved: per deduction, the usage minutes the packages covered plus the postpaid overflow equal
 * the interval's usage minutes; per package, the minutes taken equal total − remaining.
 */
@QuarkusTest
class ConcurrentDeductionTest {

    private static final int INTERVALS = 300;
    private static final int THREADS = 24;
    private static final String DAY = "2024-03-05";

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject TestClock clock;
    @Inject DeductionRepository deductions;

    @Test
    void parallelDeductionsNeverOverdraftAndConserveUsage() throws Exception {
        clock.set(Instant.parse("2024-03-05T02:00:00Z"));
        Accounts account =
                Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_CONTINUE);
        grant(account, 3_001, 1);
        grant(account, 5_003, 12);
        Random random = new Random(42);
        List<DeductUsageRequest> requests = new ArrayList<>();
        long usage = 0;
        for (int i = 0; i < INTERVALS; i++) {
            long minutes = 1 + random.nextInt(100);
            usage += minutes;
            DeductUsageRequest request =
                    account.usage(DAY, ResolutionTier.RESOLUTION_TIER_HD, i, minutes).build();
            requests.add(request);
            requests.add(request.toBuilder().setRequestId(UUID.randomUUID().toString()).build());
        }
        java.util.Collections.shuffle(requests, random);

        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> calls = new ArrayList<>();
            for (DeductUsageRequest request : requests) {
                calls.add(pool.submit(() -> packages.deductUsage(request)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }

        List<Deduction> recorded =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        deductions.ofDay(
                                                UUID.fromString(account.accountId),
                                                LocalDate.parse(DAY)));
        assertThat(recorded).hasSize(INTERVALS);
        Map<String, Long> takenPerPackage = new HashMap<>();
        UsageMinutes covered = UsageMinutes.ZERO;
        UsageMinutes postpaid = UsageMinutes.ZERO;
        long reported = 0;
        for (Deduction d : recorded) {
            assertThat(d.coveredUsageMinutes().plus(d.postpaidUsageMinutes()))
                    .isEqualTo(UsageMinutes.of(d.usageMinutes()));
            for (PackageDeduction part : d.packageDeductions()) {
                assertThat(part.minutesAfter()).isNotNegative();
                assertThat(part.minutesBefore() - part.minutesAfter())
                        .isEqualTo(part.packageMinutes());
                takenPerPackage.merge(
                        part.packageId().toString(), part.packageMinutes(), Long::sum);
            }
            covered = covered.plus(d.coveredUsageMinutes());
            postpaid = postpaid.plus(d.postpaidUsageMinutes());
            reported += d.usageMinutes();
        }
        assertThat(reported).isEqualTo(usage);
        assertThat(covered.plus(postpaid)).isEqualTo(UsageMinutes.of(usage));
        assertThat(postpaid.isPositive()).isTrue(); // the packages ran out on the way
        for (PrepaidPackage p : account.packages()) {
            assertThat(p.getRemainingMinutes()).isZero();
            assertThat(takenPerPackage.get(p.getPackageId())).isEqualTo(p.getTotalMinutes());
        }
    }

    private void grant(Accounts account, long minutes, int months) {
        packages.grantPackage(
                GrantPackageRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setAccountId(account.accountId)
                        .setMinutes(minutes)
                        .setValidityMonths(months)
                        .setNote("concurrency")
                        .build());
    }
}
