package dev.rtcsuite.mixing.domain.session;

import java.util.Objects;

/**
 * One output of a session.
 *
 * @param target the record id (RECORDING), stream id (CDN_RELAY) or URL (THIRD_PARTY_CDN)
 * @param recordingTaskId RECORDING: the mixed recording task in recording-service
 * @param failureMessage when FAILED
 */
public record MixOutput(
        OutputKind kind,
        String target,
        String recordingTaskId,
        boolean audioOnly,
        OutputState state,
        String failureMessage) {

    public MixOutput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(recordingTaskId, "recordingTaskId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failureMessage, "failureMessage");
    }

    public static MixOutput starting(OutputKind kind, String target, boolean audioOnly) {
        return new MixOutput(kind, target, "", audioOnly, OutputState.STARTING, "");
    }

    /** The same output in the sense of a replacing Start: kind, target and audio-only agree. */
    public boolean sameAs(MixOutput other) {
        return kind == other.kind && target.equals(other.target) && audioOnly == other.audioOnly;
    }

    public MixOutput withTask(String taskId) {
        return new MixOutput(kind, target, taskId, audioOnly, state, failureMessage);
    }

    public MixOutput in(OutputState newState, String message) {
        return new MixOutput(kind, target, recordingTaskId, audioOnly, newState, message);
    }

    public boolean isLive() {
        return state == OutputState.STARTING || state == OutputState.ACTIVE;
    }
}
