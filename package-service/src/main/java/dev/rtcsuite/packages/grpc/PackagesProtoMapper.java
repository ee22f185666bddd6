package dev.rtcsuite.packages.grpc;

import static dev.rtcsuite.platform.grpc.ProtoTime.timestamp;

import dev.rtcsuite.packages.application.AccountBook;
import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.ServiceStatus;
import dev.rtcsuite.packages.domain.StatusReason;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import dev.rtcsuite.packages.domain.standing.ServiceStanding;
import dev.rtcsuite.packages.domain.standing.ViolationSuspension;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.AppState;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.SettlementCycle;

/** Domain ↔ proto for accounts, apps and service status. Mapping only, no rules. */
final class PackagesProtoMapper {

    /** Accounts whose first app predates this day keep the legacy recording plan (SPEC R-7). */
    private static final java.time.LocalDate LEGACY_RECORDING_PLAN_END =
            java.time.LocalDate.of(2020, 7, 1);

    private PackagesProtoMapper() {}

    static dev.rtcsuite.packages.v1.Account toProto(AccountBook book) {
        Account account = book.account();
        ServiceStanding standing = book.standing();
        dev.rtcsuite.packages.v1.Account.Builder proto =
                dev.rtcsuite.packages.v1.Account.newBuilder()
                        .setAccountId(account.accountId().toString())
                        .setDisplayName(account.displayName())
                        .setBillingTimeZone(account.billingTimeZone().getId())
                        .setTrialExhaustionPolicy(toProto(account.trialExhaustionPolicy()))
                        .setStatus(toProto(account.status()))
                        .setStatusReason(toProto(account.statusReason()))
                        .setCreateTime(timestamp(account.createdTime()))
                        .setUpdateTime(timestamp(account.updatedTime()))
                        .setPostpaidEnabled(standing.postpaidEnabled())
                        .setSettlementCycle(
                                book.settlementCycle()
                                                == dev.rtcsuite.packages.domain.settlement
                                                        .SettlementCycle.MONTHLY
                                        ? SettlementCycle.SETTLEMENT_CYCLE_MONTHLY
                                        : SettlementCycle.SETTLEMENT_CYCLE_DAILY)
                        .setEnterpriseVerified(book.enterpriseVerified())
                        .setSuspensionReason(
                                standing.violation().map(ViolationSuspension::reason).orElse(""));
        standing.graceEndTime().ifPresent(t -> proto.setGraceEndTime(timestamp(t)));
        standing.suspendTime().ifPresent(t -> proto.setSuspendTime(timestamp(t)));
        standing.reclaimTime().ifPresent(t -> proto.setReclaimTime(timestamp(t)));
        book.firstAppTime()
                .ifPresent(
                        t ->
                                proto.setFirstAppCreateTime(timestamp(t))
                                        .setLegacyRecordingPlan(
                                                java.time.LocalDate.ofInstant(
                                                                t, account.billingTimeZone())
                                                        .isBefore(LEGACY_RECORDING_PLAN_END)));
        return proto.build();
    }

    static dev.rtcsuite.packages.v1.App toProto(App app) {
        return dev.rtcsuite.packages.v1.App.newBuilder()
                .setSdkAppId(app.sdkAppId())
                .setAccountId(app.accountId().toString())
                .setName(app.name())
                .setState(toProto(app.state()))
                .setDisabledReason(app.disabledReason())
                .setCreateTime(timestamp(app.createdTime()))
                .setUpdateTime(timestamp(app.updatedTime()))
                .build();
    }

    static dev.rtcsuite.packages.v1.ServiceStatus toProto(ServiceStatus status) {
        dev.rtcsuite.packages.v1.ServiceStatus.Builder proto =
                dev.rtcsuite.packages.v1.ServiceStatus.newBuilder()
                        .setSdkAppId(status.app().sdkAppId())
                        .setAccountId(status.app().accountId().toString())
                        .setInService(status.inService())
                        .setAccountStatus(toProto(status.accountStatus()))
                        .setAppState(toProto(status.app().state()))
                        .setReason(toProto(status.reason()))
                        .setAsOfTime(timestamp(status.asOf()));
        status.graceEndTime().ifPresent(t -> proto.setGraceEndTime(timestamp(t)));
        return proto.build();
    }

    /** Null for UNSPECIFIED or an unknown value: the use case refuses it with a field violation. */
    static TrialExhaustionPolicy fromProto(dev.rtcsuite.packages.v1.TrialExhaustionPolicy policy) {
        return switch (policy) {
            case TRIAL_EXHAUSTION_POLICY_STOP -> TrialExhaustionPolicy.STOP;
            case TRIAL_EXHAUSTION_POLICY_CONTINUE -> TrialExhaustionPolicy.CONTINUE;
            default -> null;
        };
    }

    private static dev.rtcsuite.packages.v1.TrialExhaustionPolicy toProto(
            TrialExhaustionPolicy policy) {
        return switch (policy) {
            case STOP ->
                    dev.rtcsuite.packages.v1.TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP;
            case CONTINUE ->
                    dev.rtcsuite.packages.v1.TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_CONTINUE;
        };
    }

    static AccountStatus toProto(dev.rtcsuite.packages.domain.AccountStatus status) {
        return switch (status) {
            case ACTIVE -> AccountStatus.ACCOUNT_STATUS_ACTIVE;
            case ARREARS -> AccountStatus.ACCOUNT_STATUS_ARREARS;
            case SUSPENDED -> AccountStatus.ACCOUNT_STATUS_SUSPENDED;
            case STOPPED -> AccountStatus.ACCOUNT_STATUS_STOPPED;
            case RECLAIMED -> AccountStatus.ACCOUNT_STATUS_RECLAIMED;
        };
    }

    private static AppState toProto(dev.rtcsuite.packages.domain.AppState state) {
        return switch (state) {
            case ENABLED -> AppState.APP_STATE_ENABLED;
            case DISABLED -> AppState.APP_STATE_DISABLED;
        };
    }

    static ServiceStatusReason toProto(StatusReason reason) {
        return switch (reason) {
            case NONE -> ServiceStatusReason.SERVICE_STATUS_REASON_NONE;
            case APP_DISABLED -> ServiceStatusReason.SERVICE_STATUS_REASON_APP_DISABLED;
            case ARREARS_GRACE -> ServiceStatusReason.SERVICE_STATUS_REASON_ARREARS_GRACE;
            case SUSPENDED_ARREARS -> ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_ARREARS;
            case SUSPENDED_VIOLATION ->
                    ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_VIOLATION;
            case TRIAL_EXHAUSTED -> ServiceStatusReason.SERVICE_STATUS_REASON_TRIAL_EXHAUSTED;
            case RECLAIMED -> ServiceStatusReason.SERVICE_STATUS_REASON_RECLAIMED;
        };
    }
}
