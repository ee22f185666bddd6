package dev.rtcsuite.recording.domain.task;

import dev.rtcsuite.recording.domain.StreamType;

/** A stream in a mixed recording; without {@code videoMixed} only its audio is in the mix. */
public record RecordingInput(String userId, StreamType streamType, boolean videoMixed) {}
