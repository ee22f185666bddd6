package dev.rtcsuite.mixing.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixingServiceGrpc;
import dev.rtcsuite.mixing.v1.PreviewLayoutRequest;
import dev.rtcsuite.platform.testing.PackagedServiceResource;
import dev.rtcsuite.platform.testing.PackagedServiceSmokeChecks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The packaged mixing-service (JVM jar, or native with -Pnative): smoke checks and PreviewLayout,
 * whose PNG encoder and built-in font must work in the native executable too.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceResource.class)
class MixingServiceSmokeIT extends PackagedServiceSmokeChecks {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    @Override
    protected String v1Service() {
        return "rtcsuite.mixing.v1.MixingService";
    }

    @Test
    void aLayoutPreviewIsAPng() {
        byte[] png =
                MixingServiceGrpc.newBlockingStub(admin)
                        .previewLayout(
                                PreviewLayoutRequest.newBuilder()
                                        .setCanvasWidth(1280)
                                        .setCanvasHeight(720)
                                        .setLayoutParams(
                                                LayoutParams.newBuilder()
                                                        .setTemplate(
                                                                LayoutTemplate
                                                                        .LAYOUT_TEMPLATE_GRID))
                                        .build())
                        .getPng()
                        .toByteArray();

        assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    }
}
