package dev.rtcsuite.mixing.domain.params;

import java.util.Objects;

/**
 * Where the mix goes (SPEC M-2, MIXING.md "OutputParams").
 *
 * @param streamId CDN relay of the mix under this stream id; empty = none
 * @param pureAudioStream audio-only output
 * @param recordId mixed recording in recording-service under this id; empty = none
 * @param recordAudioOnly the recording keeps audio only
 */
public record OutputParams(
        String streamId, boolean pureAudioStream, String recordId, boolean recordAudioOnly) {

    public OutputParams {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(recordId, "recordId");
    }

    public boolean relaysToCdn() {
        return !streamId.isEmpty();
    }

    public boolean records() {
        return !recordId.isEmpty();
    }

    /** The recording keeps audio only: asked for, or the whole output is audio only. */
    public boolean recordingAudioOnly() {
        return recordAudioOnly || pureAudioStream;
    }
}
