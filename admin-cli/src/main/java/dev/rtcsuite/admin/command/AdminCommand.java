package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.AdminCli;
import dev.rtcsuite.admin.connect.GrpcChannels.CredentialsUnusable;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.ErrorReport;
import dev.rtcsuite.admin.output.Output;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that calls the services: exit 0 when done, 1 with the error report when a call failed
 * (or the credentials cannot be used), 2 for bad usage (picocli).
 */
public abstract class AdminCommand implements Callable<Integer> {

    static final int CALL_FAILED = 1;

    @Spec protected CommandSpec spec;

    private int exitStatus = 0;

    @Override
    public Integer call() throws Exception {
        try {
            execute();
            return exitStatus;
        } catch (CallFailed failure) {
            output().error(failure.report);
            return CALL_FAILED;
        } catch (CredentialsUnusable e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return CALL_FAILED;
        } finally {
            cli().closeChannels();
        }
    }

    protected abstract void execute() throws Exception;

    /** The command finished its output but did not succeed (e.g. a service is not serving). */
    protected void failed() {
        exitStatus = CALL_FAILED;
    }

    protected AdminCli cli() {
        return (AdminCli) spec.root().userObject();
    }

    protected Output output() {
        return cli().output();
    }

    /** The request id sent by a mutating command, named in the error report; none otherwise. */
    protected Optional<String> sentRequestId() {
        return Optional.empty();
    }

    /** One call to {@code service} with the command's deadline; a failure ends the command. */
    protected <S extends AbstractStub<S>, T> T call(
            Service service, Function<Channel, S> stubOf, Function<S, T> rpc) {
        S stub =
                stubOf.apply(cli().channels().channel(service))
                        .withDeadlineAfter(cli().timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return rpc.apply(stub);
        } catch (StatusRuntimeException failure) {
            throw new CallFailed(
                    ErrorReport.of(
                            service.displayName(),
                            cli().channels().target(service),
                            failure,
                            sentRequestId()));
        }
    }

    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A failed call, carried to {@link #call()} to be reported once. */
    static final class CallFailed extends RuntimeException {
        final transient ErrorReport report;

        CallFailed(ErrorReport report) {
            super(report.status().getMessage(), null, false, false);
            this.report = report;
        }
    }
}
