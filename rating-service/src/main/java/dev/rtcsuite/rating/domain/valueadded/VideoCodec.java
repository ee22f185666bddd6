package dev.rtcsuite.rating.domain.valueadded;

import dev.rtcsuite.rating.domain.BillableItem;

/** Codec of an MCU mix output: decides the mix-transcode price column (SPEC R-5). */
public enum VideoCodec {
    H264(BillableItem.MIX_TRANSCODE_H264),
    H265(BillableItem.MIX_TRANSCODE_H265);

    private final BillableItem item;

    VideoCodec(BillableItem item) {
        this.item = item;
    }

    public BillableItem item() {
        return item;
    }
}
