package dev.rtcsuite.packages.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.v1.Account;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.packages.v1.App;
import dev.rtcsuite.packages.v1.AppState;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAccountResponse;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.DisableAppRequest;
import dev.rtcsuite.packages.v1.EnableAppRequest;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetAppRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.ListAccountsRequest;
import dev.rtcsuite.packages.v1.ListAccountsResponse;
import dev.rtcsuite.packages.v1.ListAppsRequest;
import dev.rtcsuite.packages.v1.ListAppsResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.packages.v1.TrialExhaustionPolicy;
import dev.rtcsuite.platform.testing.RpcError;
import io.agroal.api.AgroalDataSource;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** SPEC P-1, P-6 (service status), X-1 (errors) and X-2 (idempotency) through the real gRPC API. */
@QuarkusTest
class AccountsAndAppsGrpcTest {

    @GrpcClient PackagesServiceBlockingStub packages;

    @Inject AgroalDataSource dataSource;

    @Test
    void createAccountOpensAnActiveAccountInShanghaiTimeByDefault() {
        Account account = createAccount("Acme Classrooms").getAccount();

        assertThat(account.getAccountId()).isNotBlank();
        assertThat(account.getDisplayName()).isEqualTo("Acme Classrooms");
        assertThat(account.getBillingTimeZone()).isEqualTo("Asia/Shanghai");
        assertThat(account.getStatus()).isEqualTo(AccountStatus.ACCOUNT_STATUS_ACTIVE);
        assertThat(account.getStatusReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_NONE);
        assertThat(account.hasCreateTime()).isTrue();
        assertThat(
                        packages.getAccount(
                                        GetAccountRequest.newBuilder()
                                                .setAccountId(account.getAccountId())
                                                .build())
                                .getAccount())
                .isEqualTo(account);
    }

    @Test
    void retriedCreateWithTheSameRequestIdReturnsTheFirstAnswerAndWritesOnce() throws Exception {
        CreateAccountRequest request = accountRequest("Retry Ltd").build();
        long before = count("account");

        CreateAccountResponse first = packages.createAccount(request);
        CreateAccountResponse retry = packages.createAccount(request);

        assertThat(retry).isEqualTo(first);
        assertThat(count("account")).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesOfOneRequestCreateOneAccount() throws Exception {
        CreateAccountRequest request = accountRequest("Concurrent Ltd").build();
        long before = count("account");

        List<CreateAccountResponse> answers;
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<CreateAccountResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(callers.submit(() -> packages.createAccount(request)));
            }
            answers = new ArrayList<>();
            for (Future<CreateAccountResponse> call : calls) {
                answers.add(call.get());
            }
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(count("account")).isEqualTo(before + 1);
    }

    @Test
    void requestIdReusedForAnotherRequestIsRefused() {
        CreateAccountRequest request = accountRequest("First Ltd").build();
        packages.createAccount(request);

        RpcError error =
                RpcError.of(
                        () ->
                                packages.createAccount(
                                        request.toBuilder().setDisplayName("Second Ltd").build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.reason()).isEqualTo("REQUEST_ID_REUSED");
        assertThat(error.violatedFields()).containsExactly("request_id");
    }

    @Test
    void badAccountFieldsAreAllNamedAndNothingIsWritten() throws Exception {
        long accounts = count("account");
        long requestIds = count("request_id");

        RpcError error =
                RpcError.of(
                        () ->
                                packages.createAccount(
                                        CreateAccountRequest.newBuilder()
                                                .setRequestId(UUID.randomUUID().toString())
                                                .setDisplayName(" ")
                                                .setBillingTimeZone("Mars/Olympus")
                                                .build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.reason()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.errorInfoCount()).isEqualTo(1);
        assertThat(error.violatedFields())
                .containsExactly("display_name", "billing_time_zone", "trial_exhaustion_policy");
        assertThat(error.violations().get("display_name")).contains("1–128");
        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("request_id")).isEqualTo(requestIds);
    }

    @Test
    void mutatingCallWithoutRequestIdIsRefused() {
        RpcError error =
                RpcError.of(
                        () ->
                                packages.createAccount(
                                        accountRequest("No Id Ltd").clearRequestId().build()));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields()).containsExactly("request_id");
    }

    @Test
    void appsGetTenDigitSdkAppIdsAndBelongToTheirAccount() {
        Account account = createAccount("Apps Ltd").getAccount();

        App app = createApp(account.getAccountId(), "classroom");

        assertThat(app.getSdkAppId()).isGreaterThanOrEqualTo(1_400_000_000L);
        assertThat(app.getAccountId()).isEqualTo(account.getAccountId());
        assertThat(app.getState()).isEqualTo(AppState.APP_STATE_ENABLED);
        assertThat(
                        packages.getApp(
                                        GetAppRequest.newBuilder()
                                                .setSdkAppId(app.getSdkAppId())
                                                .build())
                                .getApp())
                .isEqualTo(app);
    }

    @Test
    void appOfAnUnknownAccountIsNotFound() {
        RpcError error = RpcError.of(() -> createApp(UUID.randomUUID().toString(), "orphan"));

        assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(error.reason()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void badAppFieldsAreNamed() {
        RpcError error = RpcError.of(() -> createApp("not-a-uuid", "x".repeat(129)));

        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.violatedFields()).containsExactlyInAnyOrder("name", "account_id");
    }

    @Test
    void appsArePagedInCreationOrder() {
        String accountId = createAccount("Paging Ltd").getAccount().getAccountId();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createApp(accountId, "app-" + i).getSdkAppId());
        }

        ListAppsResponse first =
                packages.listApps(
                        ListAppsRequest.newBuilder()
                                .setAccountId(accountId)
                                .setPageSize(2)
                                .build());
        ListAppsResponse second =
                packages.listApps(
                        ListAppsRequest.newBuilder()
                                .setAccountId(accountId)
                                .setPageSize(2)
                                .setPageToken(first.getNextPageToken())
                                .build());

        assertThat(first.getAppsList())
                .extracting(App::getSdkAppId)
                .isEqualTo(created.subList(0, 2));
        assertThat(second.getAppsList())
                .extracting(App::getSdkAppId)
                .isEqualTo(created.subList(2, 3));
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void accountsArePagedWithoutRepeats() {
        createAccount("Page A");
        createAccount("Page B");
        ListAccountsResponse first =
                packages.listAccounts(ListAccountsRequest.newBuilder().setPageSize(1).build());
        ListAccountsResponse second =
                packages.listAccounts(
                        ListAccountsRequest.newBuilder()
                                .setPageSize(1)
                                .setPageToken(first.getNextPageToken())
                                .build());

        assertThat(first.getAccountsCount()).isEqualTo(1);
        assertThat(second.getAccountsCount()).isEqualTo(1);
        assertThat(second.getAccounts(0).getAccountId())
                .isNotEqualTo(first.getAccounts(0).getAccountId());
    }

    @Test
    void badPagingIsNamed() {
        RpcError error =
                RpcError.of(
                        () ->
                                packages.listAccounts(
                                        ListAccountsRequest.newBuilder()
                                                .setPageSize(-1)
                                                .setPageToken("garbage!")
                                                .build()));

        assertThat(error.violatedFields()).containsExactly("page_size", "page_token");
    }

    @Test
    void disablingAnAppTakesItOutOfServiceAndEnablingRestoresIt() {
        long sdkAppId =
                createApp(createAccount("Switch Ltd").getAccount().getAccountId(), "switch")
                        .getSdkAppId();
        DisableAppRequest disable =
                DisableAppRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setSdkAppId(sdkAppId)
                        .setReason("operator request")
                        .build();

        App disabled = packages.disableApp(disable).getApp();
        ServiceStatus whileDisabled = status(sdkAppId);

        assertThat(disabled.getState()).isEqualTo(AppState.APP_STATE_DISABLED);
        assertThat(disabled.getDisabledReason()).isEqualTo("operator request");
        assertThat(packages.disableApp(disable).getApp()).isEqualTo(disabled);
        assertThat(whileDisabled.getInService()).isFalse();
        assertThat(whileDisabled.getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_APP_DISABLED);

        App enabled =
                packages.enableApp(
                                EnableAppRequest.newBuilder()
                                        .setRequestId(UUID.randomUUID().toString())
                                        .setSdkAppId(sdkAppId)
                                        .build())
                        .getApp();

        assertThat(enabled.getState()).isEqualTo(AppState.APP_STATE_ENABLED);
        assertThat(enabled.getDisabledReason()).isEmpty();
        assertThat(status(sdkAppId).getInService()).isTrue();
        assertThat(status(sdkAppId).getReason())
                .isEqualTo(ServiceStatusReason.SERVICE_STATUS_REASON_NONE);
    }

    @Test
    void statusOfAnUnknownAppIsNotFound() {
        RpcError error = RpcError.of(() -> status(999L));

        assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(error.reason()).isEqualTo("APP_NOT_FOUND");
        assertThat(error.metadata()).containsEntry("sdkAppId", "999");
    }

    private CreateAccountResponse createAccount(String name) {
        return packages.createAccount(accountRequest(name).build());
    }

    private static CreateAccountRequest.Builder accountRequest(String name) {
        return CreateAccountRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setDisplayName(name)
                .setTrialExhaustionPolicy(TrialExhaustionPolicy.TRIAL_EXHAUSTION_POLICY_STOP);
    }

    private App createApp(String accountId, String name) {
        return packages.createApp(
                        CreateAppRequest.newBuilder()
                                .setRequestId(UUID.randomUUID().toString())
                                .setAccountId(accountId)
                                .setName(name)
                                .build())
                .getApp();
    }

    private ServiceStatus status(long sdkAppId) {
        return packages.getServiceStatus(
                        GetServiceStatusRequest.newBuilder().setSdkAppId(sdkAppId).build())
                .getStatus();
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
