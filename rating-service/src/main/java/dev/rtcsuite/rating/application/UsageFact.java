package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.base.RoomFact;
import dev.rtcsuite.rating.domain.valueadded.InClassRecordingSegment;
import dev.rtcsuite.rating.domain.valueadded.LegacyRecordingPeak;
import dev.rtcsuite.rating.domain.valueadded.MixTranscodeSegment;
import dev.rtcsuite.rating.domain.valueadded.RecordingSegment;
import java.time.LocalDate;

/** One usage fact as a producer reported it (SPEC R-8), in the terms of the rating engine. */
public sealed interface UsageFact {

    /** Base service: a presence or a subscription in a room. */
    record Base(RoomFact fact) implements UsageFact {}

    /** Cloud recording input time of a task. */
    record Recording(String taskId, RecordingSegment segment) implements UsageFact {}

    /** Mix-transcode input time of a session. */
    record Transcode(String sessionId, MixTranscodeSegment segment) implements UsageFact {}

    /** In-class recording video time. */
    record InClass(InClassRecordingSegment segment) implements UsageFact {}

    /** Legacy recording plan: a month's peak concurrent channels. */
    record LegacyPeak(LegacyRecordingPeak peak) implements UsageFact {}

    /** Bytes of recorded files stored on one billing day. */
    record Storage(LocalDate billingDay, long bytes) implements UsageFact {}

    /** Playback traffic during a span. */
    record Traffic(TimeSpan span, long bytes) implements UsageFact {}
}
