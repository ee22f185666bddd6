package dev.rtcsuite.packages.domain.settlement;

import dev.rtcsuite.packages.domain.deduction.Deduction;
import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.usage.BillableItem;
import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * A postpaid charge of one app, item and tier: an input to settlement (base-service overflow, or a
 * value-added item priced by rating-service) and, summed per {@link Key}, a statement line.
 *
 * @param tier for tiered items, else empty
 * @param above4k the part of 4K usage whose video was above the 4K bound
 * @param quantity in the item's unit: usage minutes (fractional for base-service overflow), GB-days
 * @param amount exact (scale ≤ 8); may be negative for a catch-up that took overflow back
 */
public record ChargeLine(
        long sdkAppId,
        BillableItem item,
        Optional<ResolutionTier> tier,
        boolean above4k,
        BigDecimal quantity,
        Money amount) {

    /** What lines are summed by. */
    public record Key(
            long sdkAppId, BillableItem item, Optional<ResolutionTier> tier, boolean above4k) {}

    static final Comparator<ChargeLine> DISPLAY_ORDER =
            Comparator.comparingLong(ChargeLine::sdkAppId)
                    .thenComparing(ChargeLine::item)
                    .thenComparing(line -> line.tier().map(Enum::ordinal).orElse(-1))
                    .thenComparing(ChargeLine::above4k);

    /** The base-service overflow of a deduction (negative for a catch-up). */
    public static ChargeLine ofOverflow(Deduction deduction) {
        return new ChargeLine(
                deduction.key().sdkAppId(),
                BillableItem.BASE_SERVICE,
                Optional.of(deduction.key().tier()),
                false,
                deduction.postpaidUsageMinutes().toDecimal(),
                deduction.postpaidAmount());
    }

    public Key key() {
        return new Key(sdkAppId, item, tier, above4k);
    }

    /** For display only: a statement charges its rounded total, not the sum of rounded lines. */
    public Money roundedAmount() {
        return amount.roundedToCents();
    }

    ChargeLine plus(ChargeLine other) {
        if (!key().equals(other.key())) {
            throw new IllegalArgumentException("Cannot add lines of different keys");
        }
        return new ChargeLine(
                sdkAppId,
                item,
                tier,
                above4k,
                quantity.add(other.quantity),
                amount.plus(other.amount));
    }
}
