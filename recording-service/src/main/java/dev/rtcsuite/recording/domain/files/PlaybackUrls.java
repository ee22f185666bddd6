package dev.rtcsuite.recording.domain.files;

import dev.rtcsuite.recording.domain.callback.CallbackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Signed, expiring playback URLs (SPEC C-5): the file's stable URL with its expiry and an
 * HMAC-SHA256 over the file id and expiry, which the media edge verifies.
 */
public final class PlaybackUrls {

    private PlaybackUrls() {}

    public static String signed(MediaFile file, Instant expires, String key) {
        long expiry = expires.getEpochSecond();
        String separator = file.storageUrl().contains("?") ? "&" : "?";
        return file.storageUrl()
                + separator
                + "file_id="
                + URLEncoder.encode(file.fileId(), StandardCharsets.UTF_8)
                + "&expires="
                + expiry
                + "&sign="
                + CallbackSignature.sign(key, expiry, file.fileId());
    }
}
