package dev.rtcsuite.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The smoke checks every packaged service passes, as a JVM jar and as a native executable ({@code
 * *IT} classes in each service extend this with one RPC of their own): HTTP health endpoints over
 * TLS, gRPC health, and reflection listing the service's v1 API and health.
 */
public abstract class PackagedServiceSmokeChecks {

    protected final LocalCredentials credentials = PackagedServiceResource.credentials();
    protected ManagedChannel admin;

    /** The fully qualified name of the service's v1 gRPC service. */
    protected abstract String v1Service();

    @BeforeEach
    void openAdminChannel() {
        admin = credentials.channel(port(), "admin");
    }

    @AfterEach
    void closeAdminChannel() throws InterruptedException {
        admin.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The port the launched artifact listens on (one port: gRPC and HTTP, over TLS). */
    protected static int port() {
        return URI.create(ConfigProvider.getConfig().getValue("test.url.ssl", String.class))
                .getPort();
    }

    @Test
    void healthEndpointsAnswerUpOverTls() throws Exception {
        HttpClient http =
                HttpClient.newBuilder()
                        .sslContext(credentials.sslContext())
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        for (String probe : List.of("live", "ready", "started")) {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "https://127.0.0.1:"
                                                            + port()
                                                            + "/q/health/"
                                                            + probe))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"UP\"");
        }
    }

    @Test
    void grpcHealthServesTheV1Service() {
        var health = HealthGrpc.newBlockingStub(admin);

        assertThat(
                        health.check(
                                        HealthCheckRequest.newBuilder()
                                                .setService(v1Service())
                                                .build())
                                .getStatus())
                .isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void reflectionListsTheV1ServiceAndHealth() throws Exception {
        assertThat(GrpcReflection.services(admin)).contains(v1Service(), "grpc.health.v1.Health");
    }
}
