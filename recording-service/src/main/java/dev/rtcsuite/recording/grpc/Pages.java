package dev.rtcsuite.recording.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.paging.PageRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Keyset pages: a query asks for one row more than the page size; that extra row tells whether a
 * next page exists, and the last row of the page is where it starts.
 *
 * <p>A page token is bound to the request that it continues (AIP-158): it carries a digest of the
 * request's filters and order (everything but page_size and page_token), and a token presented with
 * other filters is refused, since its key means nothing in another listing.
 */
final class Pages {

    private static final String PAGE_TOKEN = "page_token";
    private static final String PAGE_SIZE = "page_size";
    private static final String SEPARATOR = ".";

    private Pages() {}

    /** The page that {@code request} asks for; INVALID_ARGUMENT page_token for a foreign token. */
    static PageRequest of(Message request, int pageSize, String pageToken) {
        if (pageToken.isEmpty()) {
            return PageRequest.of(pageSize, "");
        }
        String inner = "";
        FieldChecks checks = new FieldChecks();
        String bound = decode(pageToken);
        int separator = bound.indexOf(SEPARATOR);
        if (separator < 0) {
            checks.check(
                    false, PAGE_TOKEN, "must be empty or a next_page_token from the previous page");
        } else if (!bound.substring(0, separator).equals(filters(request))) {
            checks.check(
                    false,
                    PAGE_TOKEN,
                    "was issued for other filters or another order: repeat the request that"
                            + " returned it, changing at most page_size, or start again without a"
                            + " page_token");
        } else {
            inner = bound.substring(separator + 1);
        }
        checks.throwIfInvalid();
        return PageRequest.of(pageSize, inner);
    }

    static <T> List<T> rows(List<T> listed, PageRequest page) {
        return listed.subList(0, Math.min(listed.size(), page.size()));
    }

    /** The token of the next page of {@code request}, empty after the last. */
    static <T> String nextToken(
            List<T> listed, PageRequest page, ToLongFunction<T> key, Message request) {
        if (listed.size() <= page.size()) {
            return "";
        }
        String inner = PageRequest.token(Optional.of(key.applyAsLong(listed.get(page.size() - 1))));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        (filters(request) + SEPARATOR + inner).getBytes(StandardCharsets.UTF_8));
    }

    /** A digest of the request without its page size and token (deterministic serialization). */
    static String filters(Message request) {
        Message.Builder filters = request.toBuilder();
        for (String paging : List.of(PAGE_TOKEN, PAGE_SIZE)) {
            FieldDescriptor field = request.getDescriptorForType().findFieldByName(paging);
            if (field != null) {
                filters.clearField(field);
            }
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            filters.build().writeTo(out);
            out.flush();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Arrays.copyOf(digest, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String decode(String pageToken) {
        try {
            return new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
