package dev.rtcsuite.platform.paging;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.rtcsuite.platform.error.FieldChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Page tokens bound to the request that they continue (AIP-158): a token carries a digest of its
 * request's filters and order (everything but page_size and page_token) around the {@link
 * PageRequest} token, and a token presented with other filters is refused, since its key means
 * nothing in another listing.
 */
public final class BoundPages {

    private static final String PAGE_TOKEN = "page_token";
    private static final String PAGE_SIZE = "page_size";
    private static final String SEPARATOR = ".";

    private BoundPages() {}

    /**
     * The page that a listing request (one with AIP-158's page_size and page_token) asks for;
     * INVALID_ARGUMENT page_token for a token that another listing issued, or that no listing
     * issued.
     */
    public static PageRequest request(Message request) {
        int pageSize = (Integer) request.getField(field(request, PAGE_SIZE));
        String pageToken = (String) request.getField(field(request, PAGE_TOKEN));
        String inner = "";
        String refusal = "";
        if (!pageToken.isEmpty()) {
            String bound = decode(pageToken);
            int separator = bound.indexOf(SEPARATOR);
            if (separator < 0) {
                refusal = "must be empty or a next_page_token from the previous page";
            } else if (!bound.substring(0, separator).equals(filters(request))) {
                refusal =
                        "was issued for other filters or another order: repeat the request that"
                                + " returned it, changing at most page_size, or start again"
                                + " without a page_token";
            } else {
                inner = bound.substring(separator + 1);
            }
        }
        FieldChecks checks = new FieldChecks();
        PageRequest page = PageRequest.of(pageSize, inner, checks);
        checks.check(refusal.isEmpty(), PAGE_TOKEN, refusal);
        checks.throwIfInvalid();
        return page;
    }

    /** {@code pageToken} (a {@link PageRequest} token) bound to {@code request}; empty stays so. */
    public static String bind(Message request, String pageToken) {
        if (pageToken.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        (filters(request) + SEPARATOR + pageToken)
                                .getBytes(StandardCharsets.UTF_8));
    }

    private static FieldDescriptor field(Message request, String name) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
        if (field == null) {
            throw new IllegalArgumentException(
                    request.getDescriptorForType().getFullName() + " has no " + name);
        }
        return field;
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
