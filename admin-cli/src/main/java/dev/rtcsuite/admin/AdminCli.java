package dev.rtcsuite.admin;

import dev.rtcsuite.admin.command.AccountCommands;
import dev.rtcsuite.admin.command.AppCommands;
import dev.rtcsuite.admin.command.BillCommand;
import dev.rtcsuite.admin.command.FileCommands;
import dev.rtcsuite.admin.command.HealthCommand;
import dev.rtcsuite.admin.command.MixCommands;
import dev.rtcsuite.admin.command.PackageCommands;
import dev.rtcsuite.admin.command.RecordingConfigCommands;
import dev.rtcsuite.admin.command.RefundCommands;
import dev.rtcsuite.admin.command.ServiceStatusCommand;
import dev.rtcsuite.admin.command.SettleCommand;
import dev.rtcsuite.admin.command.TaskCommands;
import dev.rtcsuite.admin.command.TopUpCommand;
import dev.rtcsuite.admin.command.UsageCommand;
import dev.rtcsuite.admin.connect.Channels;
import dev.rtcsuite.admin.connect.Connection;
import dev.rtcsuite.admin.connect.GrpcChannels;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Output;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code rtcsuite admin}: the operators' tool. The options here apply to every command and may be
 * given before or after the command's name.
 */
@TopCommand
@Command(
        name = "rtcsuite admin",
        mixinStandardHelpOptions = true,
        version = "rtcsuite admin 1.0",
        description =
                "Operate the rtcsuite services over gRPC (TLS with the admin certificate and"
                        + " token by default). Human-readable output; --json prints the response"
                        + " message as protobuf JSON. Exit status: 0 done, 1 the call failed, 2"
                        + " bad usage.",
        subcommands = {
            AccountCommands.class,
            AppCommands.class,
            RecordingConfigCommands.class,
            TaskCommands.class,
            FileCommands.class,
            MixCommands.class,
            UsageCommand.class,
            BillCommand.class,
            PackageCommands.class,
            RefundCommands.class,
            TopUpCommand.class,
            SettleCommand.class,
            ServiceStatusCommand.class,
            HealthCommand.class
        })
public class AdminCli {

    @Spec CommandSpec spec;

    @Option(
            names = "--recording",
            scope = ScopeType.INHERIT,
            paramLabel = "HOST:PORT",
            defaultValue =
                    "${env:RTCSUITE_RECORDING_HOST:-localhost}:${env:RTCSUITE_RECORDING_PORT:-8081}",
            description = "recording-service (default ${DEFAULT-VALUE})")
    String recording;

    @Option(
            names = "--mixing",
            scope = ScopeType.INHERIT,
            paramLabel = "HOST:PORT",
            defaultValue =
                    "${env:RTCSUITE_MIXING_HOST:-localhost}:${env:RTCSUITE_MIXING_PORT:-8082}",
            description = "mixing-service (default ${DEFAULT-VALUE})")
    String mixing;

    @Option(
            names = "--rating",
            scope = ScopeType.INHERIT,
            paramLabel = "HOST:PORT",
            defaultValue =
                    "${env:RTCSUITE_RATING_HOST:-localhost}:${env:RTCSUITE_RATING_PORT:-8083}",
            description = "rating-service (default ${DEFAULT-VALUE})")
    String rating;

    @Option(
            names = "--package",
            scope = ScopeType.INHERIT,
            paramLabel = "HOST:PORT",
            defaultValue =
                    "${env:RTCSUITE_PACKAGE_HOST:-localhost}:${env:RTCSUITE_PACKAGE_PORT:-8084}",
            description = "package-service (default ${DEFAULT-VALUE})")
    String packages;

    @Option(
            names = "--credentials",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            defaultValue = "${env:RTCSUITE_CREDENTIALS:-.rtcsuite/credentials}",
            description =
                    "what `./rtcsuite credentials` makes: ca.pem, admin.pem, admin.key,"
                            + " admin.token (default ${DEFAULT-VALUE})")
    Path credentials;

    @Option(
            names = "--cacert",
            scope = ScopeType.INHERIT,
            paramLabel = "PEM",
            description = "the suite CA (default DIR/ca.pem)")
    Path caCertificate;

    @Option(
            names = "--cert",
            scope = ScopeType.INHERIT,
            paramLabel = "PEM",
            description = "client certificate (default DIR/admin.pem)")
    Path certificate;

    @Option(
            names = "--key",
            scope = ScopeType.INHERIT,
            paramLabel = "PEM",
            description = "its private key (default DIR/admin.key)")
    Path privateKey;

    @Option(
            names = "--token-file",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "access token sent as 'authorization: Bearer' (default DIR/admin.token)")
    Path tokenFile;

    @Option(
            names = "--plaintext",
            scope = ScopeType.INHERIT,
            description =
                    "no TLS, for services run with QUARKUS_PROFILE=prod,plaintext or in dev mode;"
                            + " the token is still sent if its file exists")
    boolean plaintext;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "print the response as protobuf JSON (as buf curl does)")
    boolean json;

    @Option(
            names = "--timeout",
            scope = ScopeType.INHERIT,
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "deadline of each call (default ${DEFAULT-VALUE} s)")
    long timeoutSeconds;

    private Channels channels;
    private boolean ownsChannels;

    /** Lets tests put in-process servers behind the commands. */
    public AdminCli useChannels(Channels testChannels) {
        this.channels = testChannels;
        return this;
    }

    public synchronized Channels channels() {
        if (channels == null) {
            channels = new GrpcChannels(connection());
            ownsChannels = true;
        }
        return channels;
    }

    /** Closes the channels this command line opened (not ones handed in). */
    public synchronized void closeChannels() {
        if (ownsChannels && channels != null) {
            channels.close();
            channels = null;
        }
    }

    public Output output() {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    Connection connection() {
        Map<Service, String> targets = new EnumMap<>(Service.class);
        targets.put(Service.RECORDING, recording);
        targets.put(Service.MIXING, mixing);
        targets.put(Service.RATING, rating);
        targets.put(Service.PACKAGE, packages);
        Path token = tokenFile != null ? tokenFile : credentials.resolve("admin.token");
        boolean tokenOptional = plaintext && tokenFile == null;
        return new Connection(
                targets,
                plaintext,
                caCertificate != null ? caCertificate : credentials.resolve("ca.pem"),
                certificate != null ? certificate : credentials.resolve("admin.pem"),
                privateKey != null ? privateKey : credentials.resolve("admin.key"),
                tokenOptional && !token.toFile().exists() ? Optional.empty() : Optional.of(token));
    }
}
