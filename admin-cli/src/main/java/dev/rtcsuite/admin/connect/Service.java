package dev.rtcsuite.admin.connect;

/** The four services the CLI talks to. */
public enum Service {
    RECORDING("recording-service"),
    MIXING("mixing-service"),
    RATING("rating-service"),
    PACKAGE("package-service");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
