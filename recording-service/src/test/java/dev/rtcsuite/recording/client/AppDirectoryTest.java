package dev.rtcsuite.recording.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.v1.PackagesServiceGrpc;
import dev.rtcsuite.packages.v1.ServiceStatusReason;
import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import dev.rtcsuite.recording.testing.FakePackageService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolving apps against package-service: the status every time, the billing zone once. */
class AppDirectoryTest {

    private static final long APP = 1_400_000_001L;

    private FakePackageService packages;
    private ManagedChannel channel;
    private AppDirectory directory;

    @BeforeEach
    void packageServiceKnowsTheApp() {
        packages = new FakePackageService().start(0, null);
        channel =
                ManagedChannelBuilder.forAddress("127.0.0.1", packages.port())
                        .usePlaintext()
                        .build();
        directory = new AppDirectory(PackagesServiceGrpc.newBlockingStub(channel));
        packages.set(APP, ServiceStatusReason.SERVICE_STATUS_REASON_NONE);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        packages.stop();
    }

    @Test
    void everyLookupReadsTheStatusButTheImmutableBillingZoneOnlyOnce() {
        AppStanding first = directory.find(APP).orElseThrow();
        packages.set(APP, ServiceStatusReason.SERVICE_STATUS_REASON_SUSPENDED_ARREARS);
        AppStanding second = directory.find(APP).orElseThrow();

        assertThat(first.inService()).isTrue();
        assertThat(second.inService()).isFalse();
        assertThat(second.status()).isEqualTo("SUSPENDED_ARREARS");
        assertThat(second.billingZone()).isEqualTo(ZoneId.of(FakePackageService.ZONE));
        assertThat(packages.accountsRead()).isEqualTo(1);
    }

    @Test
    void anUnknownAppIsEmpty() {
        assertThat(directory.find(APP + 1)).isEmpty();
    }
}
