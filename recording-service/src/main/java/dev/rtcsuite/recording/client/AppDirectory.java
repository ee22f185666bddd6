package dev.rtcsuite.recording.client;

import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.packages.v1.ServiceStatus;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.recording.domain.ServiceStanding;
import dev.rtcsuite.recording.domain.files.FileNames;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Resolves SdkAppIds against package-service, the registry of accounts and apps. No generated type
 * leaves this class.
 */
@ApplicationScoped
public class AppDirectory {

    /**
     * An app as recording-service needs to know it.
     *
     * @param status package-service's ServiceStatusReason without its prefix, e.g. {@code
     *     SUSPENDED_ARREARS}
     * @param billingZone the account's billing time zone (file names, SPEC C-4)
     */
    public record AppStanding(
            long sdkAppId, String accountId, boolean inService, String status, ZoneId billingZone) {

        /** Whether the account's files may be served (not while suspended or reclaimed). */
        public boolean filesServed() {
            return ServiceStanding.servesFiles(status);
        }

        /** Whether the account was reclaimed: its files are purged. */
        public boolean reclaimed() {
            return ServiceStanding.isReclaimed(status);
        }
    }

    private final PackagesServiceBlockingStub packages;

    /**
     * Billing zones by account. An account's zone never changes after its creation (a change would
     * move closed billing days), so it is read once, not with every status check.
     */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public AppDirectory(@GrpcClient("packages") PackagesServiceBlockingStub packages) {
        this.packages = packages;
    }

    /** The app, whether it may start new work and its billing zone; empty for an unknown app. */
    public Optional<AppStanding> find(long sdkAppId) {
        return call(
                sdkAppId,
                () -> {
                    ServiceStanding status = serviceStatus(sdkAppId);
                    return new AppStanding(
                            status.sdkAppId(),
                            status.accountId(),
                            status.inService(),
                            status.status(),
                            zones.computeIfAbsent(status.accountId(), this::billingZone));
                });
    }

    private ZoneId billingZone(String accountId) {
        return zone(
                stub().getAccount(GetAccountRequest.newBuilder().setAccountId(accountId).build())
                        .getAccount()
                        .getBillingTimeZone());
    }

    /** The app's service status now (GetServiceStatus alone); empty for an unknown app. */
    public Optional<ServiceStanding> standing(long sdkAppId) {
        return call(sdkAppId, () -> serviceStatus(sdkAppId));
    }

    /** package-service's ServiceStatus message as recording-service reads it. */
    static ServiceStanding standing(ServiceStatus status) {
        return new ServiceStanding(
                status.getSdkAppId(),
                status.getAccountId(),
                status.getInService(),
                status.getReason().name().replace("SERVICE_STATUS_REASON_", ""),
                ProtoTime.instant(status.getAsOfTime()));
    }

    private ServiceStanding serviceStatus(long sdkAppId) {
        return standing(
                stub().getServiceStatus(
                                GetServiceStatusRequest.newBuilder().setSdkAppId(sdkAppId).build())
                        .getStatus());
    }

    /** Runs a lookup: NOT_FOUND becomes empty, any other failure UNAVAILABLE. */
    private static <T> Optional<T> call(long sdkAppId, Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw ServiceException.unavailable(
                    "package-service",
                    "package-service could not resolve SdkAppId "
                            + sdkAppId
                            + " ("
                            + e.getStatus().getCode()
                            + "); retry with back-off.");
        }
    }

    private PackagesServiceBlockingStub stub() {
        return packages.withDeadlineAfter(3, TimeUnit.SECONDS);
    }

    private static ZoneId zone(String id) {
        try {
            return id.isEmpty() ? FileNames.DEFAULT_ZONE : ZoneId.of(id);
        } catch (DateTimeException e) {
            return FileNames.DEFAULT_ZONE;
        }
    }
}
