package dev.rtcsuite.packages.application;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * The service status of an account (all its apps) or of one app changed; announced to every
 * replica's watchers once the change has committed.
 *
 * @param sdkAppId present when only that app changed (disable/enable)
 */
public record StatusChanged(UUID accountId, OptionalLong sdkAppId) {

    private static final char APP_SEPARATOR = '/';

    /** The notice text: {@code <account id>} or {@code <account id>/<SdkAppId>}. */
    String notice() {
        return sdkAppId.isPresent()
                ? accountId.toString() + APP_SEPARATOR + sdkAppId.getAsLong()
                : accountId.toString();
    }

    /** Reads {@link #notice()}; IllegalArgumentException for any other text. */
    static StatusChanged ofNotice(String notice) {
        int separator = notice.indexOf(APP_SEPARATOR);
        return separator < 0
                ? new StatusChanged(UUID.fromString(notice), OptionalLong.empty())
                : new StatusChanged(
                        UUID.fromString(notice.substring(0, separator)),
                        OptionalLong.of(Long.parseLong(notice.substring(separator + 1))));
    }
}
