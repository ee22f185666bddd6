package dev.rtcsuite.packages.domain.usage;

/**
 * What a postpaid charge is for (SPEC R). Only BASE_SERVICE is deducted from packages; every other
 * item is postpaid only.
 */
public enum BillableItem {
    BASE_SERVICE,
    RECORDING_SINGLE_STREAM,
    RECORDING_MIXED_STREAM,
    MIX_TRANSCODE_H264,
    MIX_TRANSCODE_H265,
    IN_CLASS_RECORDING,
    LEGACY_RECORDING,
    STORAGE,
    PLAYBACK_TRAFFIC
}
