package dev.rtcsuite.recording.domain.files;

import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a task's recorded media makes (SPEC C-1, C-4): per format, one HLS file for the whole
 * recording (resumes continue it), or files of at most the max duration for the other formats.
 */
public final class FilePlan {

    private FilePlan() {}

    /** The files of a task whose recording has stopped; none if it never received media. */
    public static List<PlannedFile> of(RecordingTask task, ZoneId zone) {
        if (task.startTime().isEmpty() || task.mediaEndTime().isEmpty()) {
            return List.of();
        }
        return of(task.spec(), task.startTime().get(), task.mediaEndTime().get(), zone);
    }

    public static List<PlannedFile> of(TaskSpec spec, Instant start, Instant end, ZoneId zone) {
        List<PlannedFile> files = new ArrayList<>();
        for (FileFormat format : spec.formats()) {
            if (format == FileFormat.HLS) {
                files.add(
                        new PlannedFile(
                                0, format, FileNames.name(spec, start, end, zone), start, end));
                continue;
            }
            Instant from = start;
            int sequence = 0;
            do {
                Instant to = min(from.plus(spec.maxFileDuration()), end);
                files.add(
                        new PlannedFile(
                                sequence, format, FileNames.name(spec, from, to, zone), from, to));
                from = to;
                sequence++;
            } while (from.isBefore(end));
        }
        return files;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
