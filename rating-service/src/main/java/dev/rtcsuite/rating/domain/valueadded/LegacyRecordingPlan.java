package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.TimedUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The legacy recording plan (SPEC R-7): accounts that created their first app before 2020-07-01 are
 * charged for recording by monthly peak channels ({@link LegacyRecordingPeak}) instead of by
 * minutes; their recording minutes are kept but priced 0.
 *
 * <p>Decision: the cut-off date is read in China Standard Time (Asia/Shanghai), the zone of the
 * source documents, whatever the account's billing time zone.
 */
public final class LegacyRecordingPlan {

    /** The first instant at which a first app no longer qualifies. */
    public static final Instant CUTOFF =
            LocalDate.of(2020, 7, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();

    private static final Set<BillableItem> RECORDING_ITEMS =
            Arrays.stream(RecordingType.values())
                    .map(RecordingType::item)
                    .collect(Collectors.toUnmodifiableSet());

    private LegacyRecordingPlan() {}

    /** True when an account whose first app was created at that instant keeps the legacy plan. */
    public static boolean appliesTo(Instant firstAppCreated) {
        return firstAppCreated.isBefore(CUTOFF);
    }

    /** Recording usage of a legacy-plan app: kept and reported, but free of per-minute charges. */
    public static List<TimedUsage> waiveMinuteCharges(List<TimedUsage> recordingUsage) {
        return recordingUsage.stream()
                .map(
                        usage -> {
                            if (!RECORDING_ITEMS.contains(usage.key().item())) {
                                throw new IllegalArgumentException(
                                        usage.key().item() + " is not cloud recording");
                            }
                            return usage.withKey(usage.key().asFree());
                        })
                .toList();
    }
}
