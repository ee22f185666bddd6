package dev.rtcsuite.mixing.domain.params;

import dev.rtcsuite.mixing.domain.StreamKey;

/** The small picture of the picture-in-picture template. */
public record SmallVideo(StreamKey stream, Rect rect) {}
