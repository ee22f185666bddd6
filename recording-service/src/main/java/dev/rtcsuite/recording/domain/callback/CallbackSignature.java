package dev.rtcsuite.recording.domain.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callback signatures (SPEC C-6): hex HMAC-SHA256, with the app's key, over {@code
 * {timestamp}.{body}}, where timestamp is the Unix seconds sent in the {@code X-Rtcsuite-Timestamp}
 * header; receivers recompute it and reject old timestamps to stop replays.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-Rtcsuite-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Rtcsuite-Signature";
    public static final String EVENT_ID_HEADER = "X-Rtcsuite-Event-Id";

    private CallbackSignature() {}

    public static String sign(String key, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always present", e);
        }
    }
}
