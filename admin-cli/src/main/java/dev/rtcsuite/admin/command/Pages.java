package dev.rtcsuite.admin.command;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.rtcsuite.admin.output.Output;
import java.util.function.Function;

/**
 * One page of a list RPC, or with --all every page merged into one response (repeated fields
 * concatenated, no next_page_token), with a progress line per page fetched.
 */
final class Pages {

    private Pages() {}

    @SuppressWarnings("unchecked")
    static <R extends Message> R fetch(
            boolean all, String firstToken, Function<String, R> page, String noun, Output output) {
        R first = page.apply(firstToken);
        FieldDescriptor next = first.getDescriptorForType().findFieldByName("next_page_token");
        FieldDescriptor items = first.getDescriptorForType().getFields().get(0);
        if (!all) {
            return first;
        }
        Message.Builder merged = first.toBuilder();
        String token = (String) first.getField(next);
        int pages = 1;
        while (!token.isEmpty()) {
            output.progress(
                    "fetched page "
                            + pages
                            + ": "
                            + merged.getRepeatedFieldCount(items)
                            + " "
                            + noun
                            + " so far…");
            R following = page.apply(token);
            merged.mergeFrom(following);
            token = (String) following.getField(next);
            pages++;
        }
        return (R) merged.clearField(next).build();
    }
}
