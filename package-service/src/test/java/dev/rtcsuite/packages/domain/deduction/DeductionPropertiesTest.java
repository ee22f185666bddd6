package dev.rtcsuite.packages.domain.deduction;

import static dev.rtcsuite.packages.domain.PackageFixtures.ACCOUNT;
import static dev.rtcsuite.packages.domain.PackageFixtures.activeGeneral;
import static dev.rtcsuite.packages.domain.PackageFixtures.at;
import static dev.rtcsuite.packages.domain.PackageFixtures.trial;
import static dev.rtcsuite.packages.domain.PackageFixtures.withRemaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.prepaid.AccountPackages;
import dev.rtcsuite.packages.domain.prepaid.DeductionRatios;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC P-4 properties over random accounts and usage, with fixed seeds so that a failure replays:
 * packages never go negative, covered + postpaid = usage exactly, the burn-down order holds,
 * replays change nothing, and with one ratio table the outcome does not depend on the order in
 * which intervals arrive.
 */
class DeductionPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant NOW = at("2026-03-10T23:00:00");
    private static final Money PRICE = Money.cny("0.0283");
    private static final ResolutionTier[] TIERS = ResolutionTier.values();

    static IntStream seeds() {
        return IntStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyDeductionAddsUpExactlyAndKeepsPackagesAtOrAboveZero(int seed) {
        Random random = new Random(seed);
        Account account = new Account(randomPackages(random, true));

        for (IntervalUsage usage : randomUsage(random)) {
            List<PrepaidPackage> inOrder = account.packages().deductingFor(DAY, NOW);
            Deduction deduction = account.deduct(usage);

            UsageMinutes covered = deduction.coveredUsageMinutes();
            assertThat(covered.plus(deduction.postpaidUsageMinutes()))
                    .isEqualTo(UsageMinutes.of(usage.usageMinutes()));
            assertThat(deduction.postpaidUsageMinutes().signum()).isNotNegative();
            assertThat(deduction.postpaidAmount())
                    .isEqualTo(deduction.postpaidUsageMinutes().priceAt(PRICE));
            for (PackageDeduction part : deduction.packageDeductions()) {
                UsageMinutes exact = part.usageMinutes().times(part.ratio());
                assertThat(part.minutesAfter()).isNotNegative();
                assertThat(part.packageMinutes())
                        .isPositive()
                        .isEqualTo(part.minutesBefore() - part.minutesAfter())
                        .isEqualTo(exact.ceil());
            }
            assertBurnDownOrder(inOrder, deduction);
            if (deduction.postpaidUsageMinutes().isPositive()) {
                assertThat(account.packages().deductingFor(DAY, NOW)).isEmpty();
            }
        }
        assertThat(account.byId.values()).allMatch(p -> p.remainingMinutes() >= 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withOneRatioTablePackageMinutesPlusPostpaidTimesRatioEqualUsageTimesRatio(int seed) {
        Random random = new Random(seed);
        Account account = new Account(randomPackages(random, false));

        for (IntervalUsage usage : randomUsage(random)) {
            Deduction deduction = account.deduct(usage);
            int ratio = DeductionRatios.GENERAL.packageMinutesPer(usage.key().tier());

            assertThat(
                            UsageMinutes.of(deduction.packageMinutes())
                                    .plus(deduction.postpaidUsageMinutes().times(ratio)))
                    .isEqualTo(UsageMinutes.of(usage.usageMinutes() * ratio));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void replayingEveryIntervalChangesNothing(int seed) {
        Random random = new Random(seed);
        Account account = new Account(randomPackages(random, true));
        List<IntervalUsage> usages = randomUsage(random);
        usages.forEach(account::deduct);
        Map<UUID, PrepaidPackage> before = new LinkedHashMap<>(account.byId);

        for (IntervalUsage usage : usages) {
            Deduction recorded = account.recorded.get(usage.key());
            Deductor.Outcome again =
                    Deductor.deduct(ACCOUNT, usage, Optional.of(recorded), account.packages(), NOW);

            assertThat(again.replayed()).isTrue();
            assertThat(again.deduction()).isEqualTo(recorded);
            assertThat(again.changedPackages()).isEmpty();
        }
        assertThat(account.byId).isEqualTo(before);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withOneRatioTableTheArrivalOrderOfIntervalsDoesNotChangeWhatIsLeft(int seed) {
        Random random = new Random(seed);
        List<PrepaidPackage> packages = randomPackages(random, false);
        List<IntervalUsage> usages = randomUsage(random);
        List<IntervalUsage> shuffled = new ArrayList<>(usages);
        Collections.shuffle(shuffled, random);

        Account inOrder = new Account(packages);
        Account outOfOrder = new Account(packages);
        usages.forEach(inOrder::deduct);
        shuffled.forEach(outOfOrder::deduct);

        assertThat(outOfOrder.byId).isEqualTo(inOrder.byId);
        assertThat(outOfOrder.postpaidPackageMinutes()).isEqualTo(inOrder.postpaidPackageMinutes());
    }

    /** No package later in the order gives minutes while an earlier one still has some. */
    private static void assertBurnDownOrder(List<PrepaidPackage> inOrder, Deduction deduction) {
        List<UUID> drawn =
                deduction.packageDeductions().stream().map(PackageDeduction::packageId).toList();
        List<UUID> expectedPrefix =
                inOrder.stream().map(PrepaidPackage::packageId).limit(drawn.size()).toList();
        assertThat(drawn).isEqualTo(expectedPrefix);
        for (int i = 0; i < drawn.size() - 1; i++) {
            assertThat(deduction.packageDeductions().get(i).minutesAfter()).isZero();
        }
    }

    /** 1–4 active packages with random minutes left and expiries; the trial only if allowed. */
    private static List<PrepaidPackage> randomPackages(Random random, boolean withTrial) {
        List<PrepaidPackage> packages = new ArrayList<>();
        if (withTrial && random.nextBoolean()) {
            packages.add(withRemaining(trial(at("2026-01-05T10:00:00")), random.nextInt(300)));
        }
        int count = 1 + random.nextInt(withTrial ? 3 : 4);
        for (int i = 0; i < count; i++) {
            Instant bought = at("2025-06-01T10:00:00").plusSeconds(random.nextLong(250L * 86_400));
            packages.add(withRemaining(activeGeneral(25_000, bought), random.nextInt(800)));
        }
        return packages;
    }

    /** 30 intervals of the day, random tiers and 0–60 minutes. */
    private static List<IntervalUsage> randomUsage(Random random) {
        List<IntervalUsage> usages = new ArrayList<>();
        for (int interval = 0; interval < 30; interval++) {
            ResolutionTier tier = TIERS[random.nextInt(TIERS.length)];
            usages.add(
                    new IntervalUsage(
                            new UsageKey(1_400_000_001L, DAY, tier, interval),
                            random.nextInt(61),
                            PRICE));
        }
        return usages;
    }

    /** An account's packages and recorded deductions, kept as the application layer would. */
    private static final class Account {
        final Map<UUID, PrepaidPackage> byId = new LinkedHashMap<>();
        final Map<UsageKey, Deduction> recorded = new LinkedHashMap<>();

        Account(List<PrepaidPackage> packages) {
            packages.forEach(p -> byId.put(p.packageId(), p));
        }

        AccountPackages packages() {
            return new AccountPackages(List.copyOf(byId.values()));
        }

        Deduction deduct(IntervalUsage usage) {
            Deductor.Outcome outcome =
                    Deductor.deduct(
                            ACCOUNT,
                            usage,
                            Optional.ofNullable(recorded.get(usage.key())),
                            packages(),
                            NOW);
            outcome.changedPackages().forEach(p -> byId.put(p.packageId(), p));
            recorded.put(usage.key(), outcome.deduction());
            return outcome.deduction();
        }

        /** Postpaid usage in package minutes at the general ratios. */
        UsageMinutes postpaidPackageMinutes() {
            return recorded.values().stream()
                    .map(
                            d ->
                                    d.postpaidUsageMinutes()
                                            .times(
                                                    DeductionRatios.GENERAL.packageMinutesPer(
                                                            d.key().tier())))
                    .reduce(UsageMinutes.ZERO, UsageMinutes::plus);
        }
    }
}
