package dev.rtcsuite.admin.output;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a command writes: its result on stdout (human text, or with --json the response message in
 * protobuf JSON, exactly as buf curl prints it), progress and errors on stderr.
 */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** The response: as JSON with --json, else the human text made by {@code human}. */
    public void result(MessageOrBuilder response, Supplier<String> human) {
        out.print(json ? json(response) : human.get());
        out.flush();
    }

    /** A line of progress on stderr (never mixed into the result on stdout). */
    public void progress(String line) {
        err.println(line);
        err.flush();
    }

    public void error(ErrorReport report) {
        err.print(json ? report.json() : report.human());
        err.flush();
    }

    public static String json(MessageOrBuilder message) {
        try {
            return JsonFormat.printer().print(message) + "\n";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("our own messages always print", e);
        }
    }
}
