package dev.rtcsuite.mixing.domain.params;

/** What of a user a custom-layout entry mixes (TRTC MixInputType 0–2). */
public enum MixInputType {
    AUDIO_VIDEO,
    AUDIO_ONLY,
    VIDEO_ONLY;

    public boolean mixesAudio() {
        return this != VIDEO_ONLY;
    }

    public boolean mixesVideo() {
        return this != AUDIO_ONLY;
    }
}
