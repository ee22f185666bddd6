package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.AccountStatus;
import dev.rtcsuite.packages.domain.StatusReason;
import dev.rtcsuite.packages.domain.TrialExhaustionPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.hibernate.annotations.Generated;

@Entity
@Table(name = "account")
class AccountEntity {

    @Id
    @Column(name = "account_id")
    UUID accountId;

    @Generated
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "billing_time_zone")
    String billingTimeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "trial_exhaustion_policy")
    TrialExhaustionPolicy trialExhaustionPolicy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    AccountStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    StatusReason statusReason;

    @Column(name = "created_time")
    Instant createdTime;

    @Column(name = "updated_time")
    Instant updatedTime;

    static AccountEntity of(Account account) {
        AccountEntity entity = new AccountEntity();
        entity.accountId = account.accountId();
        entity.displayName = account.displayName();
        entity.billingTimeZone = account.billingTimeZone().getId();
        entity.trialExhaustionPolicy = account.trialExhaustionPolicy();
        entity.status = account.status();
        entity.statusReason = account.statusReason();
        entity.createdTime = account.createdTime();
        entity.updatedTime = account.updatedTime();
        return entity;
    }

    Account toDomain() {
        return new Account(
                accountId,
                displayName,
                ZoneId.of(billingTimeZone),
                trialExhaustionPolicy,
                status,
                statusReason,
                createdTime,
                updatedTime);
    }
}
