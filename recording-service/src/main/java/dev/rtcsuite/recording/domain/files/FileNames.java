package dev.rtcsuite.recording.domain.files;

import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * File names of SPEC C-4: {@code {userDefineRecordId}_{start}_{end}}, else {@code
 * {streamId}_{start}_{end}}, else {@code {sdkappid}_{roomid}_{userid}_{main|aux}_{start}_{end}};
 * mixed recordings {@code {RecordId}_{start}_{end}}. Times are {@code yyyy-MM-dd-HH-mm-ss} in the
 * billing time zone.
 */
public final class FileNames {

    /** The billing time zone of accounts that did not choose one (SPEC §0). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

    private FileNames() {}

    public static String name(TaskSpec task, Instant start, Instant end, ZoneId zone) {
        return prefix(task)
                + "_"
                + TIME.format(start.atZone(zone))
                + "_"
                + TIME.format(end.atZone(zone));
    }

    /** What the name starts with, before the times. */
    public static String prefix(TaskSpec task) {
        if (task.kind() == TaskKind.MIXED) {
            return task.recordId();
        }
        if (!task.userDefineRecordId().isEmpty()) {
            return task.userDefineRecordId();
        }
        return task.effectiveStreamId();
    }
}
