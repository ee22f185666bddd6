package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.TimedUsage;
import java.util.Collection;
import java.util.List;

/**
 * In-class recording (SPEC R-6): each recorded video counts on its own (every user's camera, the
 * whiteboard); the mixed-stream output is priced 0 but still reported, as a free charge kept apart
 * from the priced minutes.
 */
public final class InClassRecordingRater {

    private static final ChargeKey PRICED = ChargeKey.untiered(BillableItem.IN_CLASS_RECORDING);

    private InClassRecordingRater() {}

    public static TimedUsage rate(InClassRecordingSegment segment) {
        ChargeKey key =
                segment.videoType() == InClassVideoType.MIXED_OUTPUT ? PRICED.asFree() : PRICED;
        return TimedUsage.of(segment.userId(), key, segment.span());
    }

    public static List<TimedUsage> rate(Collection<InClassRecordingSegment> segments) {
        return TimedUsage.coalesce(segments.stream().map(InClassRecordingRater::rate).toList());
    }
}
