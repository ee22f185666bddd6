package dev.rtcsuite.packages.domain.standing;

import java.time.Instant;
import java.util.Optional;

/**
 * A notice to send to the account holder.
 *
 * @param deadlineTime the next deadline: grace end for ARREARS, reclaim time for SUSPENDED_ARREARS
 */
public record AccountNotice(
        AccountNoticeKind kind,
        String message,
        Optional<Instant> deadlineTime,
        Instant createTime) {}
