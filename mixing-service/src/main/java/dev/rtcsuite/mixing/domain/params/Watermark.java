package dev.rtcsuite.mixing.domain.params;

/** A watermark image drawn above everything. */
public record Watermark(String url, Rect rect) {}
