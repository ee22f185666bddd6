package dev.rtcsuite.mixing.domain.params;

/** Whether a stream without picture occupies a slot (TRTC PureAudioHoldPlaceMode 0–2). */
public enum AudioSlotMode {
    /** A slot in the floating, grid and custom templates, none in screen share. */
    TEMPLATE_DEFAULT,
    /** Always a slot. */
    ALWAYS,
    /** Never a slot: such streams are mixed for their audio only. */
    NEVER;

    public boolean holdsSlot(LayoutTemplate template) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case TEMPLATE_DEFAULT -> template != LayoutTemplate.SCREEN_SHARE;
        };
    }
}
