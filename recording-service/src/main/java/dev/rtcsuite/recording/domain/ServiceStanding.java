package dev.rtcsuite.recording.domain;

import java.time.Instant;

/**
 * What package-service says of an app (SPEC P-6), as recording-service acts on it: whether new work
 * may start, whether its files are served, whether its running tasks are cut and whether its files
 * are purged.
 *
 * @param status package-service's ServiceStatusReason without its prefix, e.g. {@code
 *     SUSPENDED_ARREARS}, {@code ARREARS_GRACE} or {@code NONE}
 * @param asOf when package-service computed it; of two standings of an app the later one holds
 */
public record ServiceStanding(
        long sdkAppId, String accountId, boolean inService, String status, Instant asOf) {

    /** Whether an account in this status may still have its files searched and played. */
    public static boolean servesFiles(String status) {
        return !status.startsWith("SUSPENDED") && !isReclaimed(status);
    }

    /** Whether an account in this status was reclaimed (its files purged, unrecoverable). */
    public static boolean isReclaimed(String status) {
        return status.equals("RECLAIMED");
    }

    public boolean filesServed() {
        return servesFiles(status);
    }

    /**
     * Whether the app's running tasks are stopped: whenever it may not start new work (suspended,
     * reclaimed, trial exhausted, app disabled). The arrears grace is in service, so work in
     * progress is never cut for arrears alone.
     */
    public boolean stopsRunningTasks() {
        return !inService;
    }

    /** The account was reclaimed: its files are purged and cannot be recovered. */
    public boolean reclaimed() {
        return isReclaimed(status);
    }

    /** Whether this standing is older than {@code other}, which then holds. */
    public boolean olderThan(ServiceStanding other) {
        return asOf.isBefore(other.asOf);
    }
}
