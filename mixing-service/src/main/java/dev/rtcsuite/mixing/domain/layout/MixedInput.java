package dev.rtcsuite.mixing.domain.layout;

/** An input of a layout with what of it is in the mix. */
public record MixedInput(MixInput input, boolean audioMixed, boolean videoMixed) {

    public boolean isMixed() {
        return audioMixed || videoMixed;
    }
}
