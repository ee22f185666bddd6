package dev.rtcsuite.packages.domain.deduction;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Deduction ids in time order (UUID version 7, RFC 9562): the ledger's primary-key index then grows
 * at its right edge, where its pages are in memory, instead of taking every insert to a random page
 * of an index that outgrows the cache (random ids made the inserts read and write data files once
 * the ledger held millions of rows).
 */
public final class DeductionIds {

    private DeductionIds() {}

    /** A new id whose leading 48 bits are {@code now} in milliseconds since the epoch. */
    public static UUID next(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE;
        return new UUID(mostSignificant, leastSignificant);
    }
}
