package dev.rtcsuite.packages.domain;

/** What happens when the free trial is used up or expires with nothing else to pay (SPEC P-2). */
public enum TrialExhaustionPolicy {
    STOP,
    CONTINUE
}
