package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.Jdbc;
import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.domain.RecordingMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/** Per-app recording configurations; see V1__recording.sql. */
@ApplicationScoped
public class ConfigRepository {

    /** A configuration and its signing key (never returned to callers). */
    public record Stored(RecordingConfig config, Optional<String> signingKey) {}

    private static final String COLUMNS =
            "sdk_app_id, enabled, mode, formats, max_file_duration_minutes, retention_days,"
                    + " resume_timeout_seconds, storage_sub_app, callback_url,"
                    + " callback_signing_key, update_time";

    private final Jdbc jdbc;

    public ConfigRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(long sdkAppId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM recording_config WHERE sdk_app_id = ?",
                        ConfigRepository::stored,
                        sdkAppId)
                .stream()
                .findFirst();
    }

    /** The stored row locked for an update; empty when the app was never configured. */
    public Optional<Stored> lock(long sdkAppId) {
        return jdbc
                .query(
                        "SELECT "
                                + COLUMNS
                                + " FROM recording_config WHERE sdk_app_id = ? FOR UPDATE",
                        ConfigRepository::stored,
                        sdkAppId)
                .stream()
                .findFirst();
    }

    /** Purges the app's configuration (SPEC P-6, a reclaimed account); whether there was one. */
    public boolean delete(long sdkAppId) {
        return jdbc.update("DELETE FROM recording_config WHERE sdk_app_id = ?", sdkAppId) > 0;
    }

    public void save(RecordingConfig config, Optional<String> signingKey) {
        jdbc.update(
                "INSERT INTO recording_config ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sdk_app_id) DO"
                        + " UPDATE SET enabled = EXCLUDED.enabled, mode = EXCLUDED.mode, formats ="
                        + " EXCLUDED.formats, max_file_duration_minutes ="
                        + " EXCLUDED.max_file_duration_minutes, retention_days ="
                        + " EXCLUDED.retention_days, resume_timeout_seconds ="
                        + " EXCLUDED.resume_timeout_seconds, storage_sub_app ="
                        + " EXCLUDED.storage_sub_app, callback_url = EXCLUDED.callback_url,"
                        + " callback_signing_key = EXCLUDED.callback_signing_key, update_time ="
                        + " EXCLUDED.update_time",
                config.sdkAppId(),
                config.enabled(),
                config.mode().name(),
                config.formats().stream().map(Enum::name).toArray(String[]::new),
                config.maxFileDurationMinutes(),
                config.retentionDays(),
                config.resumeTimeoutSeconds(),
                config.storageSubApp(),
                config.callbackUrl(),
                signingKey.orElse(null),
                config.updatedTime().orElseThrow());
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Array formats = row.getArray(4);
        Optional<String> key = Optional.ofNullable(row.getString(10));
        return new Stored(
                new RecordingConfig(
                        row.getLong(1),
                        row.getBoolean(2),
                        RecordingMode.valueOf(row.getString(3)),
                        Arrays.stream((String[]) formats.getArray())
                                .map(FileFormat::valueOf)
                                .toList(),
                        row.getInt(5),
                        row.getInt(6),
                        row.getInt(7),
                        row.getString(8),
                        row.getString(9),
                        key.isPresent(),
                        Optional.of(Jdbc.instant(row, 11))),
                key);
    }
}
