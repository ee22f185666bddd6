package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;

/** Single-stream or mixed-stream cloud recording (SPEC R-4): decides the price column. */
public enum RecordingType {
    /** One file per anchor. */
    SINGLE_STREAM(BillableItem.RECORDING_SINGLE_STREAM),
    /** Many anchors into one file: every input at mixed-stream prices. */
    MIXED_STREAM(BillableItem.RECORDING_MIXED_STREAM);

    private final BillableItem item;

    RecordingType(BillableItem item) {
        this.item = item;
    }

    public BillableItem item() {
        return item;
    }
}
