package dev.rtcsuite.packages.grpc;

import static dev.rtcsuite.packages.grpc.PackagesProtoMapper.fromProto;
import static dev.rtcsuite.packages.grpc.PackagesProtoMapper.toProto;

import dev.rtcsuite.packages.application.AccountRegistry;
import dev.rtcsuite.packages.domain.Account;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.persistence.Page;
import dev.rtcsuite.packages.v1.CreateAccountRequest;
import dev.rtcsuite.packages.v1.CreateAccountResponse;
import dev.rtcsuite.packages.v1.CreateAppRequest;
import dev.rtcsuite.packages.v1.CreateAppResponse;
import dev.rtcsuite.packages.v1.DisableAppRequest;
import dev.rtcsuite.packages.v1.DisableAppResponse;
import dev.rtcsuite.packages.v1.EnableAppRequest;
import dev.rtcsuite.packages.v1.EnableAppResponse;
import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetAccountResponse;
import dev.rtcsuite.packages.v1.GetAppRequest;
import dev.rtcsuite.packages.v1.GetAppResponse;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusResponse;
import dev.rtcsuite.packages.v1.ListAccountsRequest;
import dev.rtcsuite.packages.v1.ListAccountsResponse;
import dev.rtcsuite.packages.v1.ListAppsRequest;
import dev.rtcsuite.packages.v1.ListAppsResponse;
import dev.rtcsuite.packages.v1.MutinyPackagesServiceGrpc;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.paging.PageRequest;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The package-service v1 API: accounts, apps and service status are implemented here; the RPCs of
 * packages, deduction, settlement and refunds answer UNIMPLEMENTED until issue #4.
 */
@GrpcService
public class PackagesGrpcService extends MutinyPackagesServiceGrpc.PackagesServiceImplBase {

    private final AccountRegistry registry;
    private final GrpcCalls calls;

    public PackagesGrpcService(AccountRegistry registry, GrpcCalls calls) {
        this.registry = registry;
        this.calls = calls;
    }

    @Override
    public Uni<CreateAccountResponse> createAccount(CreateAccountRequest request) {
        return calls.once(
                "CreateAccount",
                request.getRequestId(),
                request,
                CreateAccountResponse.parser(),
                () -> {
                    Account account =
                            registry.openAccount(
                                    request.getDisplayName(),
                                    request.getBillingTimeZone(),
                                    fromProto(request.getTrialExhaustionPolicy()));
                    return CreateAccountResponse.newBuilder().setAccount(toProto(account)).build();
                });
    }

    @Override
    public Uni<GetAccountResponse> getAccount(GetAccountRequest request) {
        return calls.answer(
                () ->
                        GetAccountResponse.newBuilder()
                                .setAccount(toProto(registry.account(request.getAccountId())))
                                .build());
    }

    @Override
    public Uni<ListAccountsResponse> listAccounts(ListAccountsRequest request) {
        return calls.answer(
                () -> {
                    Page<Account> page =
                            registry.accounts(
                                    PageRequest.of(request.getPageSize(), request.getPageToken()));
                    return ListAccountsResponse.newBuilder()
                            .addAllAccounts(
                                    page.items().stream()
                                            .map(PackagesProtoMapper::toProto)
                                            .toList())
                            .setNextPageToken(PageRequest.token(page.nextAfter()))
                            .build();
                });
    }

    @Override
    public Uni<CreateAppResponse> createApp(CreateAppRequest request) {
        return calls.once(
                "CreateApp",
                request.getRequestId(),
                request,
                CreateAppResponse.parser(),
                () ->
                        CreateAppResponse.newBuilder()
                                .setApp(
                                        toProto(
                                                registry.createApp(
                                                        request.getAccountId(), request.getName())))
                                .build());
    }

    @Override
    public Uni<GetAppResponse> getApp(GetAppRequest request) {
        return calls.answer(
                () ->
                        GetAppResponse.newBuilder()
                                .setApp(toProto(registry.app(request.getSdkAppId())))
                                .build());
    }

    @Override
    public Uni<ListAppsResponse> listApps(ListAppsRequest request) {
        return calls.answer(
                () -> {
                    Page<App> page =
                            registry.apps(
                                    request.getAccountId(),
                                    PageRequest.of(request.getPageSize(), request.getPageToken()));
                    return ListAppsResponse.newBuilder()
                            .addAllApps(
                                    page.items().stream()
                                            .map(PackagesProtoMapper::toProto)
                                            .toList())
                            .setNextPageToken(PageRequest.token(page.nextAfter()))
                            .build();
                });
    }

    @Override
    public Uni<DisableAppResponse> disableApp(DisableAppRequest request) {
        return calls.once(
                "DisableApp",
                request.getRequestId(),
                request,
                DisableAppResponse.parser(),
                () ->
                        DisableAppResponse.newBuilder()
                                .setApp(
                                        toProto(
                                                registry.disableApp(
                                                        request.getSdkAppId(),
                                                        request.getReason())))
                                .build());
    }

    @Override
    public Uni<EnableAppResponse> enableApp(EnableAppRequest request) {
        return calls.once(
                "EnableApp",
                request.getRequestId(),
                request,
                EnableAppResponse.parser(),
                () ->
                        EnableAppResponse.newBuilder()
                                .setApp(toProto(registry.enableApp(request.getSdkAppId())))
                                .build());
    }

    @Override
    public Uni<GetServiceStatusResponse> getServiceStatus(GetServiceStatusRequest request) {
        return calls.answer(
                () ->
                        GetServiceStatusResponse.newBuilder()
                                .setStatus(toProto(registry.serviceStatus(request.getSdkAppId())))
                                .build());
    }
}
