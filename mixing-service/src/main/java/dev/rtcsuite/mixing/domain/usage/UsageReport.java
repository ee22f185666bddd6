package dev.rtcsuite.mixing.domain.usage;

import java.util.List;

/** The usage of one period of a session, to be handed to rating-service once. */
public record UsageReport(String sessionId, long sdkAppId, long seq, List<UsageSegment> segments) {

    public UsageReport {
        segments = List.copyOf(segments);
    }
}
