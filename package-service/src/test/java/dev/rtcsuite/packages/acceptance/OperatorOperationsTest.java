package dev.rtcsuite.packages.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.common.v1.ResolutionTier;
import dev.rtcsuite.packages.testing.TestClock;
import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.ConvertLegacyPackageRequest;
import dev.rtcsuite.packages.v1.CreateOfferRequest;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.packages.v1.GetOfferRequest;
import dev.rtcsuite.packages.v1.LegacyPackageType;
import dev.rtcsuite.packages.v1.ListOffersRequest;
import dev.rtcsuite.packages.v1.Offer;
import dev.rtcsuite.packages.v1.OfferEligibilityRule;
import dev.rtcsuite.packages.v1.OfferState;
import dev.rtcsuite.packages.v1.PackageKind;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.PrepaidPackage;
import dev.rtcsuite.packages.v1.PurchasePackageRequest;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.packages.v1.UpdateAccountRequest;
import dev.rtcsuite.platform.grpc.ProtoMoney;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operators' RPCs through the gRPC API: offers (SPEC P-3 "Offers"), account settings (P-3 offer
 * eligibility: enterprise verification) and legacy package conversion (P-3). The monthly settlement
 * cycle (P-5) is in {@link SettlementAndArrearsTest}.
 */
@QuarkusTest
class OperatorOperationsTest {

    @GrpcClient PackagesServiceBlockingStub packages;
    @Inject TestClock clock;

    @Test
    void spec_P3_offerOf20000MinutesFor9_90IsSoldOnceToANewAccountOnly() {
        clock.set(Instant.parse("2023-02-13T02:00:00Z")); // 10:00 in Shanghai
        CreateOfferRequest create =
                CreateOfferRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setOffer(
                                Offer.newBuilder()
                                        .setDisplayName("20,000 minutes for 9.90, first purchase")
                                        .setMinutes(20_000)
                                        .setPrice(Accounts.cny("9.90"))
                                        .setValidityMonths(12)
                                        .addEligibilityRules(
                                                OfferEligibilityRule
                                                        .OFFER_ELIGIBILITY_RULE_NEW_ACCOUNT)
                                        .setSalesStartTime(
                                                ProtoTime.timestamp(
                                                        Instant.parse("2023-02-01T00:00:00Z")))
                                        .setSalesEndTime(
                                                ProtoTime.timestamp(
                                                        Instant.parse("2023-03-01T00:00:00Z"))))
                        .build();
        Offer offer = packages.createOffer(create).getOffer();
        assertThat(packages.createOffer(create).getOffer()).isEqualTo(offer); // a retry

        assertThat(offer.getState()).isEqualTo(OfferState.OFFER_STATE_ON_SALE);
        assertThat(
                        packages.getOffer(
                                        GetOfferRequest.newBuilder()
                                                .setOfferId(offer.getOfferId())
                                                .build())
                                .getOffer())
                .isEqualTo(offer);
        Accounts newcomer = open();
        Accounts buyer = open();
        buyer.topUp("1588.00");
        buyer.buy(FixedPackageSize.FIXED_PACKAGE_SIZE_250K);
        assertThat(offersFor(newcomer)).contains(offer.getOfferId());
        assertThat(offersFor(buyer)).doesNotContain(offer.getOfferId());

        newcomer.topUp("9.90");
        PrepaidPackage bought = buyOffer(newcomer, offer);
        assertThat(bought.getKind()).isEqualTo(PackageKind.PACKAGE_KIND_OFFER);
        assertThat(bought.getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(bought.getTotalMinutes()).isEqualTo(20_000);
        assertThat(ProtoMoney.amount(bought.getPrice())).isEqualByComparingTo("9.90");
        // The general validity: to the last day of the same month of the next year.
        assertThat(ProtoTime.localDate(bought.getLastValidDay()))
                .contains(LocalDate.of(2024, 2, 29));
        assertThat(newcomer.cashTotal()).isEqualByComparingTo("0.00");

        newcomer.topUp("9.90");
        RpcError again = RpcError.of(() -> buyOffer(newcomer, offer));
        assertThat(again.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(again.reason()).isEqualTo("OFFER_NOT_ELIGIBLE");
        assertThat(again.metadata()).containsEntry("rule", "OFFER_ELIGIBILITY_RULE_NEW_ACCOUNT");
        assertThat(RpcError.of(() -> buyOffer(buyer, offer)).reason())
                .isEqualTo("OFFER_NOT_ELIGIBLE");
        assertThat(newcomer.cashTotal()).isEqualByComparingTo("9.90"); // nothing was charged

        clock.set(Instant.parse("2023-03-01T00:00:00Z")); // the window's end is exclusive
        RpcError ended = RpcError.of(() -> buyOffer(open(), offer));
        assertThat(ended.reason()).isEqualTo("OFFER_NOT_ON_SALE");
        assertThat(ended.metadata()).containsEntry("offerState", "OFFER_STATE_ENDED");
        assertThat(
                        packages.listOffers(
                                        ListOffersRequest.newBuilder()
                                                .setState(OfferState.OFFER_STATE_ENDED)
                                                .setPageSize(1000)
                                                .build())
                                .getOffersList())
                .extracting(Offer::getOfferId)
                .contains(offer.getOfferId());
    }

    @Test
    void spec_P3_updateAccountRenamesAndVerifiesForEnterpriseOffers() {
        clock.set(Instant.parse("2023-02-14T02:00:00Z"));
        Offer enterprise =
                packages.createOffer(
                                CreateOfferRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setOffer(
                                                Offer.newBuilder()
                                                        .setDisplayName("Enterprise 100,000")
                                                        .setMinutes(100_000)
                                                        .setPrice(Accounts.cny("500.00"))
                                                        .setValidityMonths(12)
                                                        .addEligibilityRules(
                                                                OfferEligibilityRule
                                                                        .OFFER_ELIGIBILITY_RULE_ENTERPRISE_VERIFIED)
                                                        .setSalesStartTime(
                                                                ProtoTime.timestamp(
                                                                        clock.instant())))
                                        .build())
                        .getOffer();
        Accounts account = open();
        account.topUp("500.00");
        assertThat(RpcError.of(() -> buyOffer(account, enterprise)).metadata())
                .containsEntry("rule", "OFFER_ELIGIBILITY_RULE_ENTERPRISE_VERIFIED");

        Account updated = update(account, "Acme Ltd", true, "display_name", "enterprise_verified");

        assertThat(updated.getDisplayName()).isEqualTo("Acme Ltd");
        assertThat(updated.getEnterpriseVerified()).isTrue();
        assertThat(account.account()).isEqualTo(updated);
        // Only the named paths are written.
        assertThat(update(account, "ignored", false, "display_name").getEnterpriseVerified())
                .isTrue();
        assertThat(buyOffer(account, enterprise).getKind())
                .isEqualTo(PackageKind.PACKAGE_KIND_OFFER);

        RpcError badPath = RpcError.of(() -> update(account, "x", false, "billing_time_zone"));
        assertThat(badPath.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(badPath.violatedFields()).containsExactly("update_mask");
        assertThat(account.account().getDisplayName()).isEqualTo("ignored");
    }

    @ParameterizedTest(name = "SPEC P-3: {1} legacy {0} minutes → {2} general minutes")
    @CsvSource({
        "LEGACY_PACKAGE_TYPE_VOICE, 1000, 1000",
        "LEGACY_PACKAGE_TYPE_SD,    1000, 2000",
        "LEGACY_PACKAGE_TYPE_HD,    1000, 4000",
    })
    void spec_P3_legacyPackagesConvertVoiceOneSdTwoHdFourAndDeductLikeGeneralOnes(
            LegacyPackageType type, long legacyMinutes, long generalMinutes) {
        clock.set(Instant.parse("2023-02-15T02:00:00Z"));
        Accounts account = open();

        PrepaidPackage converted = convert(account, type, legacyMinutes, "2023-03-31");

        assertThat(converted.getKind()).isEqualTo(PackageKind.PACKAGE_KIND_CONVERTED);
        assertThat(converted.getTotalMinutes()).isEqualTo(generalMinutes);
        assertThat(ProtoMoney.amount(converted.getPrice())).isEqualByComparingTo("0");
        assertThat(converted.getRefundable()).isFalse();
        assertThat(ProtoTime.localDate(converted.getLastValidDay()))
                .contains(LocalDate.of(2023, 3, 31));
        assertThat(converted.getNote()).contains("legacy-" + type);
        // It expires before the trial, so it deducts first, at the general ratio: 1 HD = 4.
        account.deduct("2023-02-15", ResolutionTier.RESOLUTION_TIER_HD, 100, 10);
        assertThat(account.get(converted.getPackageId()).getRemainingMinutes())
                .isEqualTo(generalMinutes - 40);
        assertThat(account.trial().getRemainingMinutes()).isEqualTo(10_000);
    }

    @Test
    void spec_P3_conversionRefusesAMissingTypeAndAPastLastDay() {
        clock.set(Instant.parse("2023-02-15T02:00:00Z"));
        Accounts account = open();

        RpcError noType =
                RpcError.of(
                        () ->
                                convert(
                                        account,
                                        LegacyPackageType.LEGACY_PACKAGE_TYPE_UNSPECIFIED,
                                        1000,
                                        "2023-03-31"));
        RpcError past =
                RpcError.of(
                        () ->
                                convert(
                                        account,
                                        LegacyPackageType.LEGACY_PACKAGE_TYPE_HD,
                                        1000,
                                        "2023-02-14"));

        assertThat(noType.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(noType.violatedFields()).contains("legacy_type");
        assertThat(past.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(past.violatedFields()).contains("last_valid_day");
        assertThat(account.packages()).hasSize(1); // the trial only
    }

    private Accounts open() {
        return Accounts.open(packages, TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
    }

    private PrepaidPackage buyOffer(Accounts account, Offer offer) {
        return packages.purchasePackage(
                        PurchasePackageRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(account.accountId)
                                .setOfferId(offer.getOfferId())
                                .build())
                .getPrepaidPackage();
    }

    private List<String> offersFor(Accounts account) {
        return packages
                .listOffers(
                        ListOffersRequest.newBuilder()
                                .setEligibleAccountId(account.accountId)
                                .setPageSize(1000)
                                .build())
                .getOffersList()
                .stream()
                .map(Offer::getOfferId)
                .toList();
    }

    private Account update(
            Accounts account, String displayName, boolean enterpriseVerified, String... paths) {
        return packages.updateAccount(
                        UpdateAccountRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccount(
                                        Account.newBuilder()
                                                .setAccountId(account.accountId)
                                                .setDisplayName(displayName)
                                                .setEnterpriseVerified(enterpriseVerified))
                                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                                .build())
                .getAccount();
    }

    private PrepaidPackage convert(
            Accounts account, LegacyPackageType type, long minutes, String lastValidDay) {
        return packages.convertLegacyPackage(
                        ConvertLegacyPackageRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(account.accountId)
                                .setLegacyType(type)
                                .setLegacyMinutes(minutes)
                                .setLastValidDay(Accounts.date(lastValidDay))
                                .setLegacyReference("legacy-" + type)
                                .build())
                .getPrepaidPackage();
    }
}
