package dev.rtcsuite.rating.domain.price;

import java.time.Instant;

/** The prices in force at an instant, for one account (or fixed prices for a re-rate). */
@FunctionalInterface
public interface PriceSource {

    EffectivePrices at(Instant instant);
}
