package dev.rtcsuite.packages.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The durable job kinds of package-service and their keys (platform durable jobs). */
final class JobKinds {

    /** Activates a bought package after its delay, with its same-day catch-up; key package. */
    static final String ACTIVATION = "packages.activation";

    /** Forfeits a package's unused minutes at its expiry; key package. */
    static final String EXPIRY = "packages.expiry";

    /** Settles one billing day of an account; key account/day. */
    static final String SETTLEMENT = "packages.settlement";

    /** Ends the 24-hour arrears grace; key account/arrears start. */
    static final String GRACE_END = "packages.grace-end";

    /** Reclaims an account 60 days into an arrears suspension; key account/arrears start. */
    static final String RECLAIM = "packages.reclaim";

    static final byte[] NO_PAYLOAD = new byte[0];

    private JobKinds() {}

    static String dayKey(UUID accountId, LocalDate day) {
        return accountId + "/" + day;
    }

    static String arrearsKey(UUID accountId, Instant since) {
        return accountId + "/" + since;
    }

    static UUID accountOf(String key) {
        return UUID.fromString(key.substring(0, key.indexOf('/')));
    }

    static String afterSlash(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
