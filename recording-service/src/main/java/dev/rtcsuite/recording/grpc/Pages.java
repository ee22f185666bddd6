package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.paging.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Keyset pages: a query asks for one row more than the page size; that extra row tells whether a
 * next page exists, and the last row of the page is where it starts.
 */
final class Pages {

    private Pages() {}

    static <T> List<T> rows(List<T> listed, PageRequest page) {
        return listed.subList(0, Math.min(listed.size(), page.size()));
    }

    static <T> String nextToken(List<T> listed, PageRequest page, ToLongFunction<T> key) {
        return listed.size() > page.size()
                ? PageRequest.token(Optional.of(key.applyAsLong(listed.get(page.size() - 1))))
                : "";
    }
}
