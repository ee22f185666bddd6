/**
 * The pure rating engine of rating-service (SPEC §R): tiers, price books, the rating rules of each
 * billable item, daily accumulation and rounding, bills and cost estimates.
 *
 * <p>Plain Java only: no Quarkus, CDI, JPA or generated proto types. Money is {@link
 * java.math.BigDecimal}; time is counted in whole seconds (instants are truncated to the second, as
 * the v1 contract says). Invariants are checked with {@link IllegalArgumentException}; request
 * validation with field names belongs to the service layer.
 *
 * <p>The flow: a rater ({@code base}, {@code valueadded}) turns reported facts into {@link
 * dev.rtcsuite.rating.domain.Usage}; a {@link dev.rtcsuite.rating.domain.accumulation.DayLedger}
 * accumulates one app's billing day and prices it with a {@link
 * dev.rtcsuite.rating.domain.price.PriceSource} into a {@link
 * dev.rtcsuite.rating.domain.bill.DailyBill}.
 */
package dev.rtcsuite.rating.domain;
