package dev.rtcsuite.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import dev.rtcsuite.admin.AdminCli;
import dev.rtcsuite.admin.CommandLineSetup;
import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.testing.Cli;
import dev.rtcsuite.admin.testing.Cli.Run;
import dev.rtcsuite.admin.testing.Fixtures;
import dev.rtcsuite.admin.testing.InProcessServices;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.mixing.v1.PreviewLayoutResponse;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.CreateAppResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TopUpRequest;
import dev.rtcsuite.packages.v1.TopUpResponse;
import dev.rtcsuite.recording.v1.DeleteMediaFileRequest;
import dev.rtcsuite.recording.v1.DeleteMediaFileResponse;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Failed calls print the status code, message, ErrorInfo and every field violation. */
class ErrorRenderingTest {

    private final InProcessServices services =
            new InProcessServices()
                    .serve(
                            Service.PACKAGE,
                            new PackagesServiceGrpc.PackagesServiceImplBase() {
                                @Override
                                public void createApp(
                                        CreateAppRequest request,
                                        StreamObserver<CreateAppResponse> answer) {
                                    answer.onError(
                                            Fixtures.invalid(
                                                    "packages.rtcsuite.dev",
                                                    "account_id",
                                                    "must be an account id (UUID)",
                                                    "name",
                                                    "1–128 characters"));
                                }

                                @Override
                                public void topUp(
                                        TopUpRequest request,
                                        StreamObserver<TopUpResponse> answer) {
                                    answer.onError(
                                            Fixtures.failure(
                                                    Code.UNAVAILABLE,
                                                    "DATABASE_UNAVAILABLE",
                                                    "packages.rtcsuite.dev",
                                                    "The service's database is unreachable; retry"
                                                            + " with back-off."));
                                }
                            })
                    .serve(
                            Service.MIXING,
                            new MixingServiceGrpc.MixingServiceImplBase() {
                                @Override
                                public void previewLayout(
                                        PreviewLayoutRequest request,
                                        StreamObserver<PreviewLayoutResponse> answer) {
                                    answer.onError(
                                            Fixtures.invalid(
                                                    "mixing.rtcsuite.dev",
                                                    "canvas_width",
                                                    "2–1920, even; got 1921"));
                                }
                            })
                    .serve(
                            Service.RECORDING,
                            new RecordingServiceGrpc.RecordingServiceImplBase() {
                                @Override
                                public void deleteMediaFile(
                                        DeleteMediaFileRequest request,
                                        StreamObserver<DeleteMediaFileResponse> answer) {
                                    answer.onError(
                                            Status.UNIMPLEMENTED
                                                    .withDescription(
                                                            "DeleteMediaFile comes with issue #5")
                                                    .asRuntimeException());
                                }
                            });

    @AfterEach
    void stop() throws InterruptedException {
        services.shutdown();
    }

    @Test
    void invalidArgumentShowsTheCodeTheReasonAndEachFieldViolation() {
        Run run = Cli.run(services, "app", "create", "--account", "nope", "--name", "");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        """
                        error: package-service (in-process:package) answered INVALID_ARGUMENT: \
                        The request has invalid fields: account_id must be an account id (UUID); \
                        name 1–128 characters
                          reason: VALIDATION_FAILED (packages.rtcsuite.dev)
                          fields: account_id,name
                          violationCount: 2
                          field account_id: must be an account id (UUID)
                          field name: 1–128 characters
                        """);
    }

    @Test
    void jsonErrorsCarryTheWholeStatusWithTheCodeByName() {
        Run run =
                Cli.run(
                        services,
                        "app",
                        "create",
                        "--account",
                        "nope",
                        "--name",
                        "",
                        "--request-id",
                        "req-1",
                        "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        """
                        {
                          "service": "package-service",
                          "target": "in-process:package",
                          "requestId": "req-1",
                          "status": {
                            "code": "INVALID_ARGUMENT",
                            "message": "The request has invalid fields: account_id must be an \
                        account id (UUID); name 1–128 characters",
                            "details": [{
                              "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                              "reason": "VALIDATION_FAILED",
                              "domain": "packages.rtcsuite.dev",
                              "metadata": {
                                "fields": "account_id,name",
                                "violationCount": "2"
                              }
                            }, {
                              "@type": "type.googleapis.com/google.rpc.BadRequest",
                              "fieldViolations": [{
                                "field": "account_id",
                                "description": "must be an account id (UUID)"
                              }, {
                                "field": "name",
                                "description": "1–128 characters"
                              }]
                            }]
                          }
                        }
                        """);
    }

    @Test
    void aMutationThatMayHaveHappenedTellsHowToRetryItSafely() {
        Run run =
                Cli.run(
                        services,
                        "top-up",
                        "--account",
                        Fixtures.ACCOUNT_ID,
                        "--amount",
                        "100.00",
                        "--request-id",
                        "topup-42");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        """
                        error: package-service (in-process:package) answered UNAVAILABLE: \
                        The service's database is unreachable; retry with back-off.
                          reason: DATABASE_UNAVAILABLE (packages.rtcsuite.dev)
                          the request may or may not have been applied: repeat it with \
                        --request-id topup-42 to retry safely
                        """);
    }

    @Test
    void theServiceThatAnsweredIsNamed() {
        Run run =
                Cli.run(
                        services,
                        "mix",
                        "preview",
                        "--canvas",
                        "1921x1080",
                        "--input",
                        "alice",
                        "--out",
                        "unused.png");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error: mixing-service (in-process:mixing) answered INVALID_ARGUMENT:")
                .endsWith("  field canvas_width: 2–1920, even; got 1921\n");
    }

    @Test
    void aStatusWithoutDetailsIsShownByCodeAndMessage() {
        Run run = Cli.run(services, "files", "delete", "file-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(
                        "error: recording-service (in-process:recording) answered"
                                + " UNIMPLEMENTED: DeleteMediaFile comes with issue #5\n");
    }

    @Test
    void aServiceThatIsNotThereIsUnavailable() {
        Run run = Cli.run(services, "bill", "--app", "1400000001", "--day", "2026-11-29");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error: rating-service (in-process:rating) answered UNAVAILABLE: ")
                .endsWith(
                        "  could not reach rating-service: is it running at in-process:rating,"
                                + " and serving TLS (the default) or plaintext (--plaintext)?\n");
    }

    @Test
    void missingCredentialsAreNamedWithHowToMakeThem() {
        CommandLine commandLine = CommandLineSetup.configure(new CommandLine(new AdminCli()));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exitCode =
                commandLine.execute(
                        "status", "--app", "1400000001", "--credentials", "/nonexistent");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo(
                        "error: missing /nonexistent/ca.pem: make local credentials with"
                                + " `./rtcsuite credentials`, or point --credentials (or --cacert,"
                                + " --cert, --key, --token-file) at yours\n");
    }
}
