package dev.rtcsuite.packages.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.money.PaymentBreakdown;
import dev.rtcsuite.packages.domain.prepaid.FreeTrial;
import dev.rtcsuite.packages.domain.prepaid.GeneralPackagePricing;
import dev.rtcsuite.packages.domain.prepaid.PackageForSale;
import dev.rtcsuite.packages.domain.prepaid.PackagePurchase;
import dev.rtcsuite.packages.domain.prepaid.PrepaidPackage;
import dev.rtcsuite.packages.domain.prepaid.Validity;
import dev.rtcsuite.platform.error.ServiceException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared builders for the package domain tests: one account in Asia/Shanghai. */
public final class PackageFixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-00000000a11c");

    private PackageFixtures() {}

    /** A local date-time of the billing zone, e.g. {@code at("2022-02-01T08:00:00")}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    public static PrepaidPackage trial(Instant grantTime) {
        return FreeTrial.grantWithApp(ACCOUNT, 0, grantTime, ZONE).orElseThrow();
    }

    /** A general package of {@code minutes}, paid in cash, not activated yet. */
    public static PrepaidPackage boughtGeneral(long minutes, Instant purchaseTime) {
        PackageForSale item = PackageForSale.general(GeneralPackagePricing.quoteCustom(minutes));
        Money price = item.terms().price();
        Money zero = Money.zero(Money.CNY);
        return PrepaidPackage.purchased(
                ACCOUNT,
                item.terms(),
                new PaymentBreakdown(price, zero, zero, zero),
                purchaseTime,
                PackagePurchase.DEFAULT_ACTIVATION_DELAY,
                Validity.months(purchaseTime, ZONE, PackageForSale.GENERAL_VALIDITY_MONTHS));
    }

    /** A general package of {@code minutes}, activated right after its delay. */
    public static PrepaidPackage activeGeneral(long minutes, Instant purchaseTime) {
        PrepaidPackage bought = boughtGeneral(minutes, purchaseTime);
        return bought.activate(bought.activationTime());
    }

    /** The same package with only {@code remaining} minutes left. */
    public static PrepaidPackage withRemaining(PrepaidPackage source, long remaining) {
        long used = source.remainingMinutes() - remaining;
        return used == 0 ? source : source.consume(used);
    }

    /** Asserts that {@code call} is refused with the ErrorInfo {@code reason}. */
    public static void assertRefused(ThrowingCallable call, String reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e ->
                                org.assertj.core.api.Assertions.assertThat(e.reason())
                                        .isEqualTo(reason));
    }
}
