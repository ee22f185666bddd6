package dev.rtcsuite.packages.application;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * The service status of an account (all its apps) or of one app changed; published to watchers once
 * the change has committed.
 *
 * @param sdkAppId present when only that app changed (disable/enable)
 */
public record StatusChanged(UUID accountId, OptionalLong sdkAppId) {}
