package dev.rtcsuite.recording.domain.task;

import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import java.time.Instant;
import java.util.List;

/** Task specs for tests. */
public final class Tasks {

    public static final long APP = 1_400_000_001L;
    public static final Instant T0 = Instant.parse("2024-05-01T02:00:00Z"); // 10:00 in Shanghai

    private Tasks() {}

    public static TaskSpec single(List<FileFormat> formats, int maxMinutes, int resumeSeconds) {
        return single("task-1", formats, maxMinutes, resumeSeconds, "", "");
    }

    public static TaskSpec single(
            String id,
            List<FileFormat> formats,
            int maxMinutes,
            int resumeSeconds,
            String streamId,
            String userDefineRecordId) {
        return new TaskSpec(
                id,
                APP,
                Room.numeric(1234),
                TaskKind.SINGLE_STREAM,
                userDefineRecordId.isEmpty()
                        ? TaskTrigger.GLOBAL_AUTO
                        : TaskTrigger.USER_DEFINE_RECORD_ID,
                "alice",
                StreamType.MAIN,
                streamId,
                userDefineRecordId,
                "",
                "",
                formats,
                false,
                maxMinutes,
                resumeSeconds,
                T0);
    }

    public static TaskSpec mixed(String recordId, List<FileFormat> formats, boolean audioOnly) {
        return new TaskSpec(
                "mix-task",
                APP,
                Room.numeric(1234),
                TaskKind.MIXED,
                TaskTrigger.MIX_API,
                "",
                StreamType.MAIN,
                "",
                "",
                recordId,
                "session-1",
                formats,
                audioOnly,
                120,
                0,
                T0);
    }
}
