package dev.rtcsuite.packages.domain.deduction;

import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.util.ArrayList;
import java.util.List;

/**
 * Covers usage with packages in the order given (SPEC P-4): each package covers as much as it can
 * at its own ratio; one that cannot cover the rest is used up and what is left goes to the next.
 *
 * <p>A package only gives whole package minutes. When packages of different ratios meet in one
 * deduction (the trial at 1:1 after a general package at 4:1, say), the rest may need a fraction of
 * a package minute; the package then gives the whole minute, as every TRTC unit is rounded up. With
 * packages of one ratio table, usage minutes × ratio is whole and nothing is rounded.
 */
final class BurnDown {

    private BurnDown() {}

    record Draw(PrepaidPackage after, PackageDeduction deduction) {}

    record Result(List<Draw> draws, UsageMinutes uncovered) {}

    static Result apply(UsageMinutes usage, ResolutionTier tier, List<PrepaidPackage> inOrder) {
        List<Draw> draws = new ArrayList<>();
        UsageMinutes left = usage;
        for (PrepaidPackage source : inOrder) {
            if (!left.isPositive()) {
                break;
            }
            int ratio = source.ratio(tier);
            UsageMinutes needed = left.times(ratio);
            boolean coversAll = needed.compareTo(UsageMinutes.of(source.remainingMinutes())) <= 0;
            long taken = coversAll ? needed.ceil() : source.remainingMinutes();
            UsageMinutes covered = coversAll ? left : UsageMinutes.of(taken).dividedBy(ratio);
            PrepaidPackage after = source.consume(taken);
            draws.add(
                    new Draw(
                            after,
                            new PackageDeduction(
                                    source.packageId(),
                                    ratio,
                                    taken,
                                    covered,
                                    source.remainingMinutes(),
                                    after.remainingMinutes())));
            left = left.minus(covered);
        }
        return new Result(draws, left);
    }
}
