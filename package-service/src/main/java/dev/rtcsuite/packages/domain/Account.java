package dev.rtcsuite.packages.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** An account: owns apps, packages, the balance and the service status (SPEC P-1). */
public record Account(
        UUID accountId,
        String displayName,
        ZoneId billingTimeZone,
        TrialExhaustionPolicy trialExhaustionPolicy,
        AccountStatus status,
        StatusReason statusReason,
        Instant createdTime,
        Instant updatedTime) {

    /** The billing day is the calendar day in this zone unless the account chooses another. */
    public static final ZoneId DEFAULT_BILLING_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    public static Account open(
            String displayName,
            ZoneId billingTimeZone,
            TrialExhaustionPolicy trialExhaustionPolicy,
            Instant now) {
        return new Account(
                UUID.randomUUID(),
                displayName.strip(),
                billingTimeZone,
                trialExhaustionPolicy,
                AccountStatus.ACTIVE,
                StatusReason.NONE,
                now,
                now);
    }
}
