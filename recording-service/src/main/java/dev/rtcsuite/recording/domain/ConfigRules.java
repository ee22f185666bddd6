package dev.rtcsuite.recording.domain;

import dev.rtcsuite.platform.error.FieldViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The ranges of SPEC C-1, each violation naming its proto field and what is allowed. */
public final class ConfigRules {

    public static final int MIN_FILE_MINUTES = 5;
    public static final int MAX_FILE_MINUTES = 120;
    public static final int MAX_RETENTION_DAYS = 1_800;
    public static final int MAX_RESUME_SECONDS = 300;
    public static final int MAX_SUB_APP_LENGTH = 64;
    public static final int MAX_URL_LENGTH = 1_024;
    public static final int MIN_KEY_LENGTH = 16;
    public static final int MAX_KEY_LENGTH = 128;

    private static final Pattern SUB_APP = Pattern.compile("[A-Za-z0-9_-]*");

    private ConfigRules() {}

    /** Every rule the configuration breaks; empty when it is valid. */
    public static List<FieldViolation> violations(RecordingConfig config) {
        List<FieldViolation> violations = new ArrayList<>();
        List<FileFormat> formats = config.formats();
        if (formats.isEmpty() || new HashSet<>(formats).size() != formats.size()) {
            violations.add(
                    new FieldViolation(
                            "config.formats",
                            "a non-empty set of HLS, MP4, FLV, AAC without duplicates"));
        }
        range(
                violations,
                config.maxFileDurationMinutes(),
                MIN_FILE_MINUTES,
                MAX_FILE_MINUTES,
                "config.max_file_duration_minutes",
                " minutes");
        range(
                violations,
                config.retentionDays(),
                0,
                MAX_RETENTION_DAYS,
                "config.retention_days",
                " days (0 = keep forever)");
        range(
                violations,
                config.resumeTimeoutSeconds(),
                0,
                MAX_RESUME_SECONDS,
                "config.resume_timeout_seconds",
                " seconds (0 = no resume)");
        if (config.resumeTimeoutSeconds() > 0 && !formats.equals(List.of(FileFormat.HLS))) {
            violations.add(
                    new FieldViolation(
                            "config.resume_timeout_seconds",
                            "resume is HLS only: must be 0 unless formats is exactly [HLS]"));
        }
        if (config.storageSubApp().length() > MAX_SUB_APP_LENGTH
                || !SUB_APP.matcher(config.storageSubApp()).matches()) {
            violations.add(
                    new FieldViolation(
                            "config.storage_sub_app",
                            "0–64 characters of A–Z, a–z, 0–9, '_' and '-'"));
        }
        if (!callbackUrlValid(config.callbackUrl())) {
            violations.add(
                    new FieldViolation(
                            "config.callback_url",
                            "empty, or an http:// or https:// URL with a host, at most 1,024"
                                    + " characters"));
        }
        return violations;
    }

    /** A signing key: empty (cleared) or 16–128 characters. */
    public static List<FieldViolation> signingKeyViolations(String key) {
        if (key.isEmpty() || (key.length() >= MIN_KEY_LENGTH && key.length() <= MAX_KEY_LENGTH)) {
            return List.of();
        }
        return List.of(
                new FieldViolation(
                        "callback_signing_key",
                        "16–128 characters, or empty to clear it; was " + key.length()));
    }

    public static boolean callbackUrlValid(String url) {
        if (url.isEmpty()) {
            return true;
        }
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme())
                            || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void range(
            List<FieldViolation> violations,
            int value,
            int min,
            int max,
            String field,
            String unit) {
        if (value < min || value > max) {
            violations.add(
                    new FieldViolation(
                            field, "must be " + min + "–" + max + unit + ", was " + value));
        }
    }
}
