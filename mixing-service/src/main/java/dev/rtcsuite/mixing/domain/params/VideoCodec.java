package dev.rtcsuite.mixing.domain.params;

/** Output video codec; decides the transcode price column (SPEC R-5). */
public enum VideoCodec {
    H264,
    H265
}
