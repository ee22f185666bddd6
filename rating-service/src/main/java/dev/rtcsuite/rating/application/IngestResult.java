package dev.rtcsuite.rating.application;

/** What one batch did: records stored now, and records ignored as received before. */
public record IngestResult(long accepted, long duplicates) {

    public IngestResult plus(IngestResult other) {
        return new IngestResult(accepted + other.accepted, duplicates + other.duplicates);
    }
}
