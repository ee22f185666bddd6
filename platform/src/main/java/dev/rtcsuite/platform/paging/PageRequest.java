package dev.rtcsuite.platform.paging;

import dev.rtcsuite.platform.error.FieldChecks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * AIP-158 paging: a page size and an opaque token that encodes the key after which the page starts.
 */
public record PageRequest(long after, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    private static final String PREFIX = "after:";

    public static PageRequest of(int pageSize, String pageToken) {
        FieldChecks checks = new FieldChecks();
        PageRequest page = of(pageSize, pageToken, checks);
        checks.throwIfInvalid();
        return page;
    }

    /** The page asked for, or null with what is wrong with it added to {@code checks}. */
    static PageRequest of(int pageSize, String pageToken, FieldChecks checks) {
        checks.check(
                pageSize >= 0,
                "page_size",
                "must be ≥ 0 (0 means "
                        + DEFAULT_SIZE
                        + ", above "
                        + MAX_SIZE
                        + " means "
                        + MAX_SIZE
                        + ")");
        Optional<Long> after = decode(pageToken);
        checks.check(
                after.isPresent(),
                "page_token",
                "must be empty or a next_page_token from the previous page");
        if (pageSize < 0 || after.isEmpty()) {
            return null;
        }
        int size = pageSize == 0 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
        return new PageRequest(after.orElseThrow(), size);
    }

    /**
     * This page of a list that is read whole (a short list, or one computed per request): the key
     * is the position in the list.
     */
    public <T> List<T> of(List<T> all) {
        int from = (int) Math.min(after, all.size());
        return all.subList(from, Math.min(from + size, all.size()));
    }

    /** The token of the page after {@link #of(List)}'s page, empty when it was the last. */
    public String nextToken(List<?> all) {
        long next = after + size;
        return token(next < all.size() ? Optional.of(next) : Optional.empty());
    }

    /**
     * This page of a key-set query that fetched one row more than the page size: that extra row
     * only tells that a next page exists.
     */
    public <T> List<T> keysetRows(List<T> fetched) {
        return fetched.subList(0, Math.min(fetched.size(), size));
    }

    /** The token of the page after {@link #keysetRows}'s page (its last row's key), or empty. */
    public <T> String keysetNextToken(List<T> fetched, ToLongFunction<T> key) {
        return token(
                fetched.size() > size
                        ? Optional.of(key.applyAsLong(fetched.get(size - 1)))
                        : Optional.empty());
    }

    public static String token(Optional<Long> nextAfter) {
        return nextAfter
                .map(
                        key ->
                                Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(
                                                (PREFIX + key).getBytes(StandardCharsets.UTF_8)))
                .orElse("");
    }

    private static Optional<Long> decode(String pageToken) {
        if (pageToken.isEmpty()) {
            return Optional.of(0L);
        }
        try {
            String text =
                    new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            return text.startsWith(PREFIX)
                    ? Optional.of(Long.parseLong(text.substring(PREFIX.length())))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
