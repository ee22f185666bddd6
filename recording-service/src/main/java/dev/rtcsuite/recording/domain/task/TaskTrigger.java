package dev.rtcsuite.recording.domain.task;

/** What started a task: the three control modes of SPEC C-2. */
public enum TaskTrigger {
    GLOBAL_AUTO,
    USER_DEFINE_RECORD_ID,
    MIX_API
}
