package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.testing.TestClock;
import dev.rtcsuite.packages.v1.BatchDeductUsageRequest;
import dev.rtcsuite.packages.v1.DeductUsageOutcome;
import dev.rtcsuite.packages.v1.DeductUsageRequest;
import dev.rtcsuite.packages.v1.Deduction;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * BatchDeductUsage (SPEC P-4): many intervals in one call, each deducted as DeductUsage would, with
 * an outcome of its own; a malformed request refuses the whole batch and writes nothing.
 */
@QuarkusTest
class BatchDeductionTest {

    private static final TrialExhaustionPolicy STOP =
            TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP;

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject TestClock clock;

    @Test
    void eachIntervalHasItsOwnOutcomeInRequestOrder() {
        clock.set(Instant.parse("2023-07-03T02:00:00Z"));
        Accounts first = Accounts.open(packages, STOP);
        Accounts second = Accounts.open(packages, STOP);
        DeductUsageRequest stored =
                first.usage("2023-07-03", ResolutionTier.RESOLUTION_TIER_HD, 1, 30).build();
        Deduction before = packages.deductUsage(stored).getDeduction();
        DeductUsageRequest unknownApp =
                first.usage("2023-07-03", ResolutionTier.RESOLUTION_TIER_HD, 2, 10)
                        .setSdkAppId(Long.MAX_VALUE)
                        .build();

        List<DeductUsageOutcome> outcomes =
                batch(
                        // The trial takes one minute per minute of any tier (P-2).
                        first.usage("2023-07-03", ResolutionTier.RESOLUTION_TIER_HD, 3, 10).build(),
                        stored.toBuilder().setRequestId(UUID.randomUUID().toString()).build(),
                        stored.toBuilder().setUsageMinutes(31).build(),
                        unknownApp,
                        second.usage("2023-07-03", ResolutionTier.RESOLUTION_TIER_SD, 4, 25)
                                .build(),
                        first.usage("2023-07-03", ResolutionTier.RESOLUTION_TIER_AUDIO, 3, 5)
                                .build());

        assertThat(outcomes).hasSize(6);
        assertThat(outcomes.get(0).getDeduction().getIntervalIndex()).isEqualTo(3);
        assertThat(outcomes.get(0).getDeduction().getPackageDeductions(0).getRemainingMinutes())
                .isEqualTo(10_000 - 30 - 10);
        assertThat(outcomes.get(1).getDeduction()).as("a replay").isEqualTo(before);
        assertThat(reason(outcomes.get(2))).isEqualTo("DEDUCTION_CONFLICT");
        assertThat(outcomes.get(2).getError().getCode())
                .isEqualTo(Code.FAILED_PRECONDITION.value());
        assertThat(outcomes.get(3).getError().getCode()).isEqualTo(Code.NOT_FOUND.value());
        assertThat(outcomes.get(4).getDeduction().getPackageDeductions(0).getRemainingMinutes())
                .isEqualTo(10_000 - 25);
        // An account's intervals are burnt down in request order.
        assertThat(outcomes.get(5).getDeduction().getPackageDeductions(0).getRemainingMinutes())
                .isEqualTo(10_000 - 30 - 10 - 5);
        assertThat(first.trial().getRemainingMinutes()).isEqualTo(10_000 - 45);
        assertThat(second.trial().getRemainingMinutes()).isEqualTo(10_000 - 25);
    }

    @Test
    void aMalformedIntervalRefusesTheWholeBatchNamingItsIndexAndWritesNothing() {
        clock.set(Instant.parse("2023-07-04T02:00:00Z"));
        Accounts account = Accounts.open(packages, STOP);

        RpcError error =
                RpcError.of(
                        () ->
                                batch(
                                        account.usage(
                                                        "2023-07-04",
                                                        ResolutionTier.RESOLUTION_TIER_HD,
                                                        1,
                                                        10)
                                                .build(),
                                        account.usage(
                                                        "2023-07-04",
                                                        ResolutionTier.RESOLUTION_TIER_UNSPECIFIED,
                                                        300,
                                                        10)
                                                .setRequestId("")
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violations())
                .containsOnlyKeys(
                        "requests[1].request_id", "requests[1].tier", "requests[1].interval_index");
        assertThat(error.violations().get("requests[1].interval_index")).contains("0–299");
        assertThat(account.trial().getRemainingMinutes()).isEqualTo(10_000);
    }

    @Test
    void aBatchHoldsOneToFiveHundredIntervals() {
        clock.set(Instant.parse("2023-07-05T02:00:00Z"));
        Accounts account = Accounts.open(packages, STOP);
        List<DeductUsageRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(
                    account.usage("2023-07-05", ResolutionTier.RESOLUTION_TIER_AUDIO, i % 288, 1)
                            .build());
        }

        RpcError empty = RpcError.of(() -> batch());
        RpcError over = RpcError.of(() -> batch(tooMany.toArray(DeductUsageRequest[]::new)));

        assertThat(empty.violations()).containsOnlyKeys("requests");
        assertThat(over.violations()).containsKey("requests");
        assertThat(over.violations().get("requests")).contains("1–500");
        assertThat(account.trial().getRemainingMinutes()).isEqualTo(10_000);
    }

    private List<DeductUsageOutcome> batch(DeductUsageRequest... requests) {
        return packages.batchDeductUsage(
                        BatchDeductUsageRequest.newBuilder()
                                .addAllRequests(List.of(requests))
                                .build())
                .getOutcomesList();
    }

    private static String reason(DeductUsageOutcome outcome) {
        try {
            return outcome.getError().getDetails(0).unpack(ErrorInfo.class).getReason();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
