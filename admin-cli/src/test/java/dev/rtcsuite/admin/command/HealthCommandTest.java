package dev.rtcsuite.admin.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.admin.connect.Service;
import dev.rtcsuite.admin.testing.Cli;
import dev.rtcsuite.admin.testing.Cli.Run;
import dev.rtcsuite.admin.testing.InProcessServices;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCommandTest {

    private final InProcessServices services = new InProcessServices();

    @AfterEach
    void stop() throws InterruptedException {
        services.shutdown();
    }

    @Test
    void everyServiceServingExitsZero() {
        for (Service service : Service.values()) {
            services.serve(service, health(service, ServingStatus.SERVING).getHealthService());
        }

        Run run = Cli.run(services, "health");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        """
                        SERVICE            TARGET                STATUS
                        recording-service  in-process:recording  SERVING
                        mixing-service     in-process:mixing     SERVING
                        rating-service     in-process:rating     SERVING
                        package-service    in-process:package    SERVING
                        """);
        assertThat(run.err())
                .isEqualTo(
                        """
                        checking recording-service at in-process:recording…
                        checking mixing-service at in-process:mixing…
                        checking rating-service at in-process:rating…
                        checking package-service at in-process:package…
                        """);
    }

    @Test
    void aServiceNotServingOrNotThereIsShownAndTheExitStatusIsOne() {
        services.serve(
                Service.RECORDING,
                health(Service.RECORDING, ServingStatus.NOT_SERVING).getHealthService());
        services.serve(
                Service.MIXING, health(Service.MIXING, ServingStatus.SERVING).getHealthService());
        services.serve(
                Service.RATING, health(Service.RATING, ServingStatus.SERVING).getHealthService());

        Run run = Cli.run(services, "health", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .startsWith(
                        """
                        {
                          "recording-service": "NOT_SERVING",
                          "mixing-service": "SERVING",
                          "rating-service": "SERVING",
                          "package-service": "UNAVAILABLE: \
                        """);
    }

    private static HealthStatusManager health(Service service, ServingStatus status) {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus(HealthCommand.V1_APIS.get(service), status);
        return health;
    }
}
