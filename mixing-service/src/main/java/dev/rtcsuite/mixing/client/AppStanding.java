package dev.rtcsuite.mixing.client;

import dev.rtcsuite.mixing.config.MixingConfig;
import dev.rtcsuite.packages.v1.GetServiceStatusRequest;
import dev.rtcsuite.packages.v1.PackagesServiceGrpc.PackagesServiceBlockingStub;
import dev.rtcsuite.platform.error.ServiceException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Whether an app may start new work, from package-service's GetServiceStatus (SPEC P-6). */
@ApplicationScoped
public class AppStanding {

    /**
     * An app's standing.
     *
     * @param reason package-service's ServiceStatusReason without its prefix, e.g. {@code
     *     SUSPENDED_ARREARS}
     */
    public record Standing(long sdkAppId, boolean inService, String reason) {}

    private final PackagesServiceBlockingStub packages;
    private final MixingConfig config;

    public AppStanding(
            @GrpcClient("packages") PackagesServiceBlockingStub packages, MixingConfig config) {
        this.packages = packages;
        this.config = config;
    }

    /** The app's standing; empty for an app package-service does not know. */
    public Optional<Standing> of(long sdkAppId) {
        try {
            var status =
                    packages.withDeadlineAfter(
                                    config.callDeadline().toMillis(), TimeUnit.MILLISECONDS)
                            .getServiceStatus(
                                    GetServiceStatusRequest.newBuilder()
                                            .setSdkAppId(sdkAppId)
                                            .build())
                            .getStatus();
            return Optional.of(
                    new Standing(
                            sdkAppId,
                            status.getInService(),
                            status.getReason().name().replace("SERVICE_STATUS_REASON_", "")));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw ServiceException.unavailable(
                    "package-service",
                    "package-service could not tell whether SdkAppId "
                            + sdkAppId
                            + " is in service ("
                            + e.getStatus().getCode()
                            + "); retry with back-off.");
        }
    }
}
