package dev.rtcsuite.recording.client;

import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.platform.error.ServiceException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Resolves SdkAppIds against package-service, the registry of accounts and apps. No generated type
 * leaves this class.
 */
@ApplicationScoped
public class AppDirectory {

    /** An app as recording-service needs to know it. */
    public record AppStanding(long sdkAppId, String accountId, boolean inService) {}

    private final PackagesServiceBlockingStub packages;

    public AppDirectory(@GrpcClient("packages") PackagesServiceBlockingStub packages) {
        this.packages = packages;
    }

    /** The app and whether it may start new work; empty for an unknown app. */
    public Optional<AppStanding> find(long sdkAppId) {
        try {
            var status =
                    packages.withDeadlineAfter(3, TimeUnit.SECONDS)
                            .getServiceStatus(
                                    GetServiceStatusRequest.newBuilder()
                                            .setSdkAppId(sdkAppId)
                                            .build())
                            .getStatus();
            return Optional.of(
                    new AppStanding(
                            status.getSdkAppId(), status.getAccountId(), status.getInService()));
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
}
