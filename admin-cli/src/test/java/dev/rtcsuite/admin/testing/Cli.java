package dev.rtcsuite.admin.testing;

import dev.rtcsuite.admin.AdminCli;
import dev.rtcsuite.admin.CommandLineSetup;
import dev.rtcsuite.admin.connect.Channels;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line as `rtcsuite admin` does, against given channels, capturing output. */
public final class Cli {

    public record Run(int exitCode, String out, String err) {}

    private Cli() {}

    public static Run run(Channels channels, String... args) {
        CommandLine commandLine =
                CommandLineSetup.configure(new CommandLine(new AdminCli().useChannels(channels)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
