package dev.rtcsuite.recording.domain.callback;

/** Callback events (SPEC C-6) and the {@code event_type} code each is sent with. */
public enum CallbackEventType {
    FILE_GENERATED(100),
    TASK_STARTED(301),
    TASK_STOPPED(302),
    UPLOAD_STARTED(303),
    UPLOAD_FINISHED(304),
    UPLOAD_FAILED(305),
    TEST(900);

    private final int code;

    CallbackEventType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
