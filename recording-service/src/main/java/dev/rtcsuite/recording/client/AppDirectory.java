package dev.rtcsuite.recording.client;

import dev.rtcsuite.packages.v1.GetAccountRequest;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.domain.files.FileNames;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
            return !status.startsWith("SUSPENDED") && !status.equals("RECLAIMED");
        }
    }

    private final PackagesServiceBlockingStub packages;

    public AppDirectory(@GrpcClient("packages") PackagesServiceBlockingStub packages) {
        this.packages = packages;
    }

    /** The app, whether it may start new work and its billing zone; empty for an unknown app. */
    public Optional<AppStanding> find(long sdkAppId) {
        try {
            var status =
                    stub().getServiceStatus(
                                    GetServiceStatusRequest.newBuilder()
                                            .setSdkAppId(sdkAppId)
                                            .build())
                            .getStatus();
            String zone =
                    stub().getAccount(
                                    GetAccountRequest.newBuilder()
                                            .setAccountId(status.getAccountId())
                                            .build())
                            .getAccount()
                            .getBillingTimeZone();
            return Optional.of(
                    new AppStanding(
                            status.getSdkAppId(),
                            status.getAccountId(),
                            status.getInService(),
                            status.getReason().name().replace("SERVICE_STATUS_REASON_", ""),
                            zone(zone)));
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
