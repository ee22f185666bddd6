package dev.rtcsuite.admin.command;

import com.google.protobuf.Message;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Table;
import io.grpc.Channel;
import io.grpc.stub.AbstractStub;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * A command that lists with a paged RPC: one page (--page-size, --page-token) or every page
 * (--all), shown as a table with a footer that says how to get the next page.
 */
abstract class ListCommand extends AdminCommand {

    @Option(names = "--page-size", paramLabel = "0-1000", defaultValue = "0")
    int pageSize;

    @Option(names = "--page-token", paramLabel = "TOKEN", defaultValue = "")
    String pageToken;

    @Option(names = "--all", description = "fetch every page")
    boolean all;

    /**
     * The page asked for, or every page merged; {@code page} calls the RPC with a page token.
     *
     * @param plural what is listed, for the progress lines of --all ("files")
     */
    protected <S extends AbstractStub<S>, R extends Message> R fetch(
            Service service,
            Function<Channel, S> stubOf,
            BiFunction<S, String, R> page,
            String plural) {
        return Pages.fetch(
                all,
                pageToken,
                token -> call(service, stubOf, stub -> page.apply(stub, token)),
                plural,
                output());
    }

    /** The response as --json asks, else its rows as {@code table} and the footer. */
    protected <T> void show(
            Message response, Table<T> table, List<T> rows, String noun, String nextPageToken) {
        output().result(
                        response,
                        () ->
                                table.format(rows)
                                        + Listing.footer(rows.size(), noun, nextPageToken));
    }
}
