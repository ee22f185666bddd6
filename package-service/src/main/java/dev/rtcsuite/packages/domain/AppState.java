package dev.rtcsuite.packages.domain;

/** The manual per-app switch (SPEC P-1). */
public enum AppState {
    ENABLED,
    DISABLED
}
