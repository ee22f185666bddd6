package dev.rtcsuite.packages.domain.offer;

/** Where an offer stands against its sales window. */
public enum OfferState {
    SCHEDULED,
    ON_SALE,
    ENDED
}
