package dev.rtcsuite.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.output.Output;
import dev.rtcsuite.admin.testing.Cli;
import dev.rtcsuite.admin.testing.Cli.Run;
import dev.rtcsuite.admin.testing.Fixtures;
import dev.rtcsuite.admin.testing.InProcessServices;
import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.AppState;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAccountResponse;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.CreateAppResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountAndAppCommandsTest {

    private final List<CreateAccountRequest> accountRequests = new ArrayList<>();
    private final List<CreateAppRequest> appRequests = new ArrayList<>();
    private final InProcessServices services =
            new InProcessServices()
                    .serve(
                            Service.PACKAGE,
                            new PackagesServiceGrpc.PackagesServiceImplBase() {
                                @Override
                                public void createAccount(
                                        CreateAccountRequest request,
                                        StreamObserver<CreateAccountResponse> answer) {
                                    accountRequests.add(request);
                                    answer.onNext(
                                            CreateAccountResponse.newBuilder()
                                                    .setAccount(Fixtures.account())
                                                    .build());
                                    answer.onCompleted();
                                }

                                @Override
                                public void createApp(
                                        CreateAppRequest request,
                                        StreamObserver<CreateAppResponse> answer) {
                                    appRequests.add(request);
                                    answer.onNext(
                                            CreateAppResponse.newBuilder()
                                                    .setApp(
                                                            App.newBuilder()
                                                                    .setSdkAppId(1_400_000_001L)
                                                                    .setAccountId(
                                                                            request.getAccountId())
                                                                    .setName(request.getName())
                                                                    .setState(
                                                                            AppState
                                                                                    .APP_STATE_ENABLED)
                                                                    .setCreateTime(
                                                                            Fixtures.at(
                                                                                    "2026-11-30T06:01:00.250Z")))
                                                    .build());
                                    answer.onCompleted();
                                }
                            });

    @AfterEach
    void stop() throws InterruptedException {
        services.shutdown();
    }

    @Test
    void createAccountSendsTheOptionsAndANewRequestIdAndPrintsTheAccount() {
        Run run =
                Cli.run(
                        services,
                        "account",
                        "create",
                        "--name",
                        "Acme Classroom",
                        "--trial-policy",
                        "stop");

        assertThat(run.exitCode()).isZero();
        CreateAccountRequest sent = accountRequests.get(0);
        assertThat(sent.getDisplayName()).isEqualTo("Acme Classroom");
        assertThat(sent.getBillingTimeZone()).isEmpty();
        assertThat(sent.getTrialExhaustionPolicy())
                .isEqualTo(TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
        assertThat(sent.getRequestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.{4}-.{12}");
        assertThat(run.out())
                .isEqualTo(
                        """
                        account_id: 6f1c2d3e-0000-4000-8000-00000000a001
                        display_name: Acme Classroom
                        billing_time_zone: Asia/Shanghai
                        trial_exhaustion_policy: STOP
                        status: ACTIVE
                        create_time: 2026-11-30T06:00:00Z
                        update_time: 2026-11-30T06:00:00Z
                        postpaid_enabled: false
                        settlement_cycle: DAILY
                        status_reason: NONE
                        enterprise_verified: false
                        legacy_recording_plan: false
                        """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void eachRunHasItsOwnRequestIdUnlessOneIsGivenToRetry() {
        String[] create = {"account", "create", "--name", "A", "--trial-policy", "CONTINUE"};
        Cli.run(services, create);
        Cli.run(services, create);
        Cli.run(
                services,
                "account",
                "create",
                "--name",
                "A",
                "--trial-policy",
                "continue",
                "--request-id",
                "retry-7");
        Cli.run(
                services,
                "account",
                "create",
                "--name",
                "A",
                "--trial-policy",
                "continue",
                "--request-id",
                "retry-7");

        assertThat(accountRequests.get(0).getRequestId())
                .isNotEqualTo(accountRequests.get(1).getRequestId());
        assertThat(accountRequests.subList(2, 4))
                .extracting(CreateAccountRequest::getRequestId)
                .containsExactly("retry-7", "retry-7");
    }

    @Test
    void jsonPrintsTheResponseExactlyAsProtobufJsonFormatDoes() {
        Run run =
                Cli.run(
                        services,
                        "app",
                        "create",
                        "--account",
                        Fixtures.ACCOUNT_ID,
                        "--name",
                        "classroom",
                        "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        {
                          "app": {
                            "sdkAppId": "1400000001",
                            "accountId": "6f1c2d3e-0000-4000-8000-00000000a001",
                            "name": "classroom",
                            "state": "APP_STATE_ENABLED",
                            "createTime": "2026-11-30T06:01:00.250Z"
                          }
                        }
                        """);
        assertThat(run.out())
                .isEqualTo(
                        Output.json(
                                CreateAppResponse.newBuilder()
                                        .setApp(
                                                App.newBuilder()
                                                        .setSdkAppId(1_400_000_001L)
                                                        .setAccountId(Fixtures.ACCOUNT_ID)
                                                        .setName("classroom")
                                                        .setState(AppState.APP_STATE_ENABLED)
                                                        .setCreateTime(
                                                                Fixtures.at(
                                                                        "2026-11-30T06:01:00.250Z")))
                                        .build()));
    }

    @Test
    void globalOptionsWorkBeforeTheCommandToo() {
        Run run =
                Cli.run(
                        services,
                        "--json",
                        "app",
                        "create",
                        "--account",
                        Fixtures.ACCOUNT_ID,
                        "--name",
                        "classroom");

        assertThat(run.out()).startsWith("{\n  \"app\": {");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorAndCallsNothing() {
        Run run = Cli.run(services, "app", "create", "--name", "classroom");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required option: '--account=ACCOUNT_ID'");
        assertThat(appRequests).isEmpty();
    }
}
