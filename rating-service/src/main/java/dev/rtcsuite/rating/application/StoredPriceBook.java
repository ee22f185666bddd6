package dev.rtcsuite.rating.application;

import dev.rtcsuite.rating.domain.price.PriceBook;
import java.time.Instant;
import java.util.Optional;

/** A price book as stored: the prices, and what the book carries besides them. */
public record StoredPriceBook(
        PriceBook book, String displayName, Optional<Instant> effectiveFrom, Instant createdTime) {}
