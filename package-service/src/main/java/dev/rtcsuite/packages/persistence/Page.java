package dev.rtcsuite.packages.persistence;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** One page of a key-set listing, and the key after which the next page starts if there is one. */
public record Page<T>(List<T> items, Optional<Long> nextAfter) {

    /** From up to {@code size + 1} rows in key order: the extra row only says "there is more". */
    static <R, T> Page<T> of(
            List<R> rows, int size, ToLongFunction<R> key, Function<R, T> toDomain) {
        Optional<Long> next =
                rows.size() > size
                        ? Optional.of(key.applyAsLong(rows.get(size - 1)))
                        : Optional.empty();
        return new Page<>(rows.stream().limit(size).map(toDomain).toList(), next);
    }
}
