package dev.rtcsuite.rating.client;

import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetAppRequest;
import dev.rtcsuite.packages.v1.ListAppsRequest;
import dev.rtcsuite.packages.v1.ListAppsResponse;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.platform.error.ServiceException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Which account an app belongs to and the account's billing time zone, from package-service. Both
 * never change once created (proto: immutable), so answers are cached for the process's life. No
 * generated type leaves this class.
 */
@ApplicationScoped
public class AccountDirectory {

    public static final String APP_NOT_FOUND = "APP_NOT_FOUND";
    public static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";

    /** An app's account and the zone of its billing days. */
    public record AppAccount(long sdkAppId, String accountId, ZoneId billingZone) {}

    private final PackagesServiceBlockingStub packages;
    private final Map<Long, AppAccount> apps = new ConcurrentHashMap<>();
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public AccountDirectory(@GrpcClient("packages") PackagesServiceBlockingStub packages) {
        this.packages = packages;
    }

    public AppAccount app(long sdkAppId) {
        AppAccount known = apps.get(sdkAppId);
        if (known != null) {
            return known;
        }
        String accountId =
                call(
                                () ->
                                        stub().getApp(
                                                        GetAppRequest.newBuilder()
                                                                .setSdkAppId(sdkAppId)
                                                                .build()),
                                APP_NOT_FOUND,
                                "No app with SdkAppId " + sdkAppId + ".",
                                Map.of("sdkAppId", Long.toString(sdkAppId)))
                        .getApp()
                        .getAccountId();
        AppAccount app = new AppAccount(sdkAppId, accountId, zone(accountId));
        apps.put(sdkAppId, app);
        return app;
    }

    /** Every app of the account, in SdkAppId order. */
    public List<AppAccount> appsOf(String accountId) {
        ZoneId zone = zone(accountId);
        List<AppAccount> result = new ArrayList<>();
        String token = "";
        do {
            String page = token;
            ListAppsResponse response =
                    call(
                            () ->
                                    stub().listApps(
                                                    ListAppsRequest.newBuilder()
                                                            .setAccountId(accountId)
                                                            .setPageSize(1000)
                                                            .setPageToken(page)
                                                            .build()),
                            ACCOUNT_NOT_FOUND,
                            "No account " + accountId + ".",
                            Map.of("accountId", accountId));
            response.getAppsList()
                    .forEach(a -> result.add(new AppAccount(a.getSdkAppId(), accountId, zone)));
            token = response.getNextPageToken();
        } while (!token.isEmpty());
        return result;
    }

    /** Fails with NOT_FOUND ACCOUNT_NOT_FOUND unless package-service knows the account. */
    public void requireAccount(String accountId) {
        zone(accountId);
    }

    private ZoneId zone(String accountId) {
        ZoneId known = zones.get(accountId);
        if (known != null) {
            return known;
        }
        ZoneId zone =
                ZoneId.of(
                        call(
                                        () ->
                                                stub().getAccount(
                                                                GetAccountRequest.newBuilder()
                                                                        .setAccountId(accountId)
                                                                        .build()),
                                        ACCOUNT_NOT_FOUND,
                                        "No account " + accountId + ".",
                                        Map.of("accountId", accountId))
                                .getAccount()
                                .getBillingTimeZone());
        zones.put(accountId, zone);
        return zone;
    }

    private PackagesServiceBlockingStub stub() {
        return packages.withDeadlineAfter(3, TimeUnit.SECONDS);
    }

    /** NOT_FOUND and INVALID_ARGUMENT become our NOT_FOUND; anything else means unavailable. */
    private static <T> T call(
            Supplier<T> call, String notFound, String message, Map<String, String> metadata) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                throw ServiceException.notFound(notFound, message, metadata);
            }
            throw ServiceException.unavailable(
                    "package-service", "package-service did not answer (" + code + "); retry.");
        }
    }
}
