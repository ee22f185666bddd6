package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.error.FieldViolation;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.domain.ConfigRules;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.persistence.ConfigRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Per-app recording configuration (SPEC C-1): recording is off until an operator enables it. */
@ApplicationScoped
public class RecordingConfigs {

    /** A change: the fields to write, and the signing key when it is written too. */
    public record Change(UnaryOperator<RecordingConfig> fields, Optional<String> signingKey) {}

    private final Apps apps;
    private final ConfigRepository configs;
    private final CallbackTargets targets;
    private final Clock clock;

    public RecordingConfigs(
            Apps apps, ConfigRepository configs, CallbackTargets targets, Clock clock) {
        this.apps = apps;
        this.configs = configs;
        this.targets = targets;
        this.clock = clock;
    }

    /** The configuration of a known app (the defaults if it was never written). */
    public RecordingConfig config(long sdkAppId) {
        requireApp(sdkAppId);
        apps.known(sdkAppId);
        return current(sdkAppId);
    }

    /** The configuration in force, without asking package-service about the app. */
    public RecordingConfig current(long sdkAppId) {
        return configs.find(sdkAppId)
                .map(ConfigRepository.Stored::config)
                .orElse(RecordingConfig.defaults(sdkAppId));
    }

    /** The key that signs the app's callbacks, if one is set. */
    public Optional<String> signingKey(long sdkAppId) {
        return configs.find(sdkAppId).flatMap(ConfigRepository.Stored::signingKey);
    }

    /** Applies a change; every rule it breaks is named, and nothing is written then. */
    @Transactional
    public RecordingConfig update(long sdkAppId, Change change) {
        requireApp(sdkAppId);
        apps.known(sdkAppId);
        Optional<ConfigRepository.Stored> stored = configs.lock(sdkAppId);
        RecordingConfig before =
                stored.map(ConfigRepository.Stored::config)
                        .orElse(RecordingConfig.defaults(sdkAppId));
        Optional<String> key = stored.flatMap(ConfigRepository.Stored::signingKey);
        RecordingConfig changed = change.fields().apply(before);
        List<FieldViolation> violations = new ArrayList<>(ConfigRules.violations(changed));
        if (change.signingKey().isPresent()) {
            violations.addAll(ConfigRules.signingKeyViolations(change.signingKey().get()));
            key = change.signingKey().filter(k -> !k.isEmpty());
        }
        if (!violations.isEmpty()) {
            throw ServiceException.invalid(violations);
        }
        if (!changed.callbackUrl().equals(before.callbackUrl())) {
            targets.check(changed.callbackUrl(), "config.callback_url");
        }
        RecordingConfig saved =
                new RecordingConfig(
                        sdkAppId,
                        changed.enabled(),
                        changed.mode(),
                        changed.formats(),
                        changed.maxFileDurationMinutes(),
                        changed.retentionDays(),
                        changed.resumeTimeoutSeconds(),
                        changed.storageSubApp(),
                        changed.callbackUrl(),
                        key.isPresent(),
                        Optional.of(clock.instant()));
        configs.save(saved, key);
        return saved;
    }

    private static void requireApp(long sdkAppId) {
        new FieldChecks()
                .check(sdkAppId > 0, "sdk_app_id", "required: a positive SdkAppId")
                .throwIfInvalid();
    }
}
