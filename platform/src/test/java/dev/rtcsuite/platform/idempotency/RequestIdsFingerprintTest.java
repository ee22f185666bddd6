package dev.rtcsuite.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import org.junit.jupiter.api.Test;

/** SPEC X-2: a reused request id is recognised by the request it came with. */
class RequestIdsFingerprintTest {

    @Test
    void sameRequestSameFingerprintWhateverTheMapOrder() {
        ErrorInfo first =
                ErrorInfo.newBuilder().putMetadata("a", "1").putMetadata("b", "2").build();
        ErrorInfo second =
                ErrorInfo.newBuilder().putMetadata("b", "2").putMetadata("a", "1").build();

        assertThat(RequestIds.fingerprint(first)).isEqualTo(RequestIds.fingerprint(second));
    }

    @Test
    void differentRequestDifferentFingerprint() {
        assertThat(RequestIds.fingerprint(ErrorInfo.newBuilder().setReason("A").build()))
                .isNotEqualTo(
                        RequestIds.fingerprint(ErrorInfo.newBuilder().setReason("B").build()));
    }
}
