package dev.rtcsuite.rating.domain;

/** A billable item of the price book (SPEC ); names match the v1 contract. */
public enum BillableItem {
    /** Audio/video minutes in rooms. */
    BASE_SERVICE(QuantityUnit.MINUTES, true),
    /** Single-stream cloud recording. */
    RECORDING_SINGLE_STREAM(QuantityUnit.MINUTES, true),
    /** Mixed-stream cloud recording. */
    RECORDING_MIXED_STREAM(QuantityUnit.MINUTES, true),
    /** MCU mix-transcode with H.264 output. */
    MIX_TRANSCODE_H264(QuantityUnit.MINUTES, true),
    /** MCU mix-transcode with H.265 output. */
    MIX_TRANSCODE_H265(QuantityUnit.MINUTES, true),
    /** In-class recording: one price for every video type, USD in the list book. */
    IN_CLASS_RECORDING(QuantityUnit.MINUTES, false),
    /** Legacy recording plan: per peak concurrent channel per month. */
    LEGACY_RECORDING(QuantityUnit.CHANNEL_MONTHS, false),
    /** Storage of recorded files: per GB-day. */
    STORAGE(QuantityUnit.GB_DAYS, false),
    /** Playback traffic of recorded files: per GB. */
    PLAYBACK_TRAFFIC(QuantityUnit.GB, false);

    private final QuantityUnit unit;
    private final boolean tiered;

    BillableItem(QuantityUnit unit, boolean tiered) {
        this.unit = unit;
        this.tiered = tiered;
    }

    /** What the item's quantity counts. */
    public QuantityUnit unit() {
        return unit;
    }

    /** True when the item is priced per resolution tier (AUDIO..UHD). */
    public boolean tiered() {
        return tiered;
    }

    /** True for items measured in seconds and billed in minutes. */
    public boolean timeMeasured() {
        return unit == QuantityUnit.MINUTES;
    }

    /**
     * True when reports of the item within one bill are not added up but the highest counts: legacy
     * recording is charged by the month's peak, and producers may report running peaks.
     */
    public boolean chargedByPeak() {
        return this == LEGACY_RECORDING;
    }
}
