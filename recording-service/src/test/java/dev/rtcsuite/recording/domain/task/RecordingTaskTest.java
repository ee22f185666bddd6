package dev.rtcsuite.recording.domain.task;

import static dev.rtcsuite.recording.domain.FileFormat.FLV;
import static dev.rtcsuite.recording.domain.FileFormat.HLS;
import static dev.rtcsuite.recording.domain.FileFormat.MP4;
import static dev.rtcsuite.recording.domain.task.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.domain.files.FileNames;
import dev.rtcsuite.recording.domain.files.FilePlan;
import dev.rtcsuite.recording.domain.files.PlannedFile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC C-3 state machine and its timers, with the acceptance examples of issue #5. */
class RecordingTaskTest {

    private static final TaskPolicy POLICY = TaskPolicy.DEFAULT;

    /**
     * Drives one anchor through publish/unpublish times, as the service does: a publish inside a
     * task's resume wait resumes it, else a new task starts. Returns the tasks, each ended.
     */
    private static List<RecordingTask> anchor(TaskSpec template, List<Instant[]> publishedSpans) {
        List<RecordingTask> tasks = new ArrayList<>();
        RecordingTask current = null;
        for (Instant[] span : publishedSpans) {
            if (current != null && current.state() == TaskState.INTERRUPTED) {
                if (current.resumableAt(span[0])) {
                    current = current.streamResumed(span[0]);
                } else {
                    current = current.resumeExpired(current.interruptions());
                    tasks.add(current.transferred(current.stopTime().orElseThrow()));
                    current = null;
                }
            }
            if (current == null) {
                TaskSpec spec = copy(template, "task-" + (tasks.size() + 1), span[0]);
                current = RecordingTask.create(spec, List.of()).mediaStarted(span[0]);
            }
            current = current.streamStopped(span[1]);
        }
        if (current.state() == TaskState.INTERRUPTED) {
            current = current.resumeExpired(current.interruptions());
        }
        tasks.add(current.transferred(current.stopTime().orElseThrow()));
        return tasks;
    }

    private static TaskSpec copy(TaskSpec t, String id, Instant created) {
        return new TaskSpec(
                id,
                t.sdkAppId(),
                t.room(),
                t.kind(),
                t.trigger(),
                t.userId(),
                t.streamType(),
                t.streamId(),
                t.userDefineRecordId(),
                t.recordId(),
                t.mixSessionId(),
                t.formats(),
                t.audioOnly(),
                t.maxFileDurationMinutes(),
                t.resumeTimeoutSeconds(),
                created);
    }

    private static List<PlannedFile> files(List<RecordingTask> tasks) {
        return tasks.stream()
                .flatMap(t -> FilePlan.of(t, FileNames.DEFAULT_ZONE).stream())
                .toList();
    }

    private static Instant min(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void hlsResume300sAnchorAwayFor200sMakesOneFile() {
        // issue #5 acceptance: HLS, resume 300 s; the anchor drops for 200 s
        TaskSpec spec = Tasks.single(List.of(HLS), 120, 300);
        List<RecordingTask> tasks =
                anchor(
                        spec,
                        List.of(
                                new Instant[] {T0, min(10)},
                                new Instant[] {min(10).plusSeconds(200), min(30)}));

        assertThat(tasks).hasSize(1);
        List<PlannedFile> files = files(tasks);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(files.getFirst().name())
                .isEqualTo("1400000001_1234_alice_main_2024-05-01-10-00-00_2024-05-01-10-30-00");
    }

    @Test
    void hlsResume300sAnchorAwayFor400sMakesTwoFiles() {
        TaskSpec spec = Tasks.single(List.of(HLS), 120, 300);
        List<RecordingTask> tasks =
                anchor(
                        spec,
                        List.of(
                                new Instant[] {T0, min(10)},
                                new Instant[] {min(10).plusSeconds(400), min(30)}));

        assertThat(tasks).hasSize(2);
        assertThat(tasks)
                .allSatisfy(t -> assertThat(t.endReason()).contains(EndReason.STREAM_ENDED));
        List<PlannedFile> files = files(tasks);
        assertThat(files)
                .extracting(PlannedFile::name)
                .containsExactly(
                        "1400000001_1234_alice_main_2024-05-01-10-00-00_2024-05-01-10-10-00",
                        "1400000001_1234_alice_main_2024-05-01-10-16-40_2024-05-01-10-30-00");
        // the first task stopped when its resume wait ran out, 300 s after the anchor left
        assertThat(tasks.getFirst().stopTime()).contains(min(15));
    }

    @Test
    void mp4WithMax30MinutesSplitsA95MinuteRecordingIntoFourFiles() {
        // issue #5 acceptance: MP4, max 30 min, 95 minutes → 4 files with names and durations
        RecordingTask task =
                RecordingTask.create(Tasks.single(List.of(MP4), 30, 0), List.of()).mediaStarted(T0);
        for (int split = 0; split < 3; split++) {
            assertThat(task.nextSplitTime()).contains(min(30L * (split + 1)));
            task = task.splitFile(split, task.nextSplitTime().orElseThrow());
        }
        assertThat(task.fileSequence()).isEqualTo(3);
        assertThat(task.nextSplitTime()).contains(min(120));
        task = task.streamStopped(min(95)).transferred(min(96));

        List<PlannedFile> files = FilePlan.of(task, FileNames.DEFAULT_ZONE);
        assertThat(files).extracting(PlannedFile::sequence).containsExactly(0, 1, 2, 3);
        assertThat(files)
                .extracting(PlannedFile::duration)
                .containsExactly(
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(5));
        assertThat(files)
                .extracting(PlannedFile::name)
                .containsExactly(
                        "1400000001_1234_alice_main_2024-05-01-10-00-00_2024-05-01-10-30-00",
                        "1400000001_1234_alice_main_2024-05-01-10-30-00_2024-05-01-11-00-00",
                        "1400000001_1234_alice_main_2024-05-01-11-00-00_2024-05-01-11-30-00",
                        "1400000001_1234_alice_main_2024-05-01-11-30-00_2024-05-01-11-35-00");
    }

    @Test
    void twoFormatsMakeTwoFileSets() {
        RecordingTask task =
                RecordingTask.create(Tasks.single(List.of(MP4, FLV), 30, 0), List.of())
                        .mediaStarted(T0)
                        .streamStopped(min(95));

        List<PlannedFile> files = FilePlan.of(task, FileNames.DEFAULT_ZONE);
        assertThat(files).hasSize(8);
        assertThat(files.stream().filter(f -> f.format() == MP4).map(PlannedFile::name))
                .containsExactlyElementsOf(
                        files.stream()
                                .filter(f -> f.format() == FLV)
                                .map(PlannedFile::name)
                                .toList());
    }

    @Test
    void hlsIsNeverSplit() {
        RecordingTask task =
                RecordingTask.create(Tasks.single(List.of(HLS), 5, 0), List.of()).mediaStarted(T0);
        assertThat(task.nextSplitTime()).isEmpty();
        assertThat(FilePlan.of(task.streamStopped(min(95)), FileNames.DEFAULT_ZONE)).hasSize(1);
    }

    @Test
    void pendingTaskFailsAtTheStartTimeoutWithTheReason() {
        RecordingTask task = RecordingTask.create(Tasks.single(List.of(HLS), 120, 0), List.of());
        assertThat(TaskTimer.of(task, POLICY))
                .containsExactly(
                        new TaskTimer(TaskTimer.Kind.START_TIMEOUT, "task-1", T0.plusSeconds(60)));

        RecordingTask failed = task.startTimedOut(POLICY.startTimeout(), T0.plusSeconds(60));
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.endReason()).contains(EndReason.START_TIMEOUT);
        assertThat(failed.failureMessage()).contains("60 s");
        assertThat(failed.endTime()).contains(T0.plusSeconds(60));
        assertThat(TaskTimer.of(failed, POLICY)).isEmpty();
        // media arriving later changes nothing
        assertThat(failed.mediaStarted(T0.plusSeconds(61))).isEqualTo(failed);
    }

    @Test
    void timersFollowTheState() {
        RecordingTask recording =
                RecordingTask.create(Tasks.single(List.of(HLS), 120, 300), List.of())
                        .mediaStarted(T0);
        assertThat(TaskTimer.of(recording, POLICY)).isEmpty();
        RecordingTask interrupted = recording.streamStopped(min(10));
        assertThat(TaskTimer.of(interrupted, POLICY))
                .containsExactly(new TaskTimer(TaskTimer.Kind.RESUME_EXPIRY, "task-1:1", min(15)));
        RecordingTask finalizing = interrupted.resumeExpired(1);
        assertThat(finalizing.state()).isEqualTo(TaskState.FINALIZING);
        assertThat(TaskTimer.of(finalizing, POLICY))
                .containsExactly(new TaskTimer(TaskTimer.Kind.TRANSFER, "task-1:0", min(16)));
        // a stale expiry (of an earlier interruption) does nothing
        RecordingTask again = interrupted.streamResumed(min(12)).streamStopped(min(20));
        assertThat(again.resumeExpired(1)).isEqualTo(again);
        assertThat(again.resumeExpired(2).state()).isEqualTo(TaskState.FINALIZING);
    }

    @Test
    void stopWhileInterruptedEndsTheMediaWhenTheAnchorLeft() {
        RecordingTask task =
                RecordingTask.create(Tasks.single(List.of(HLS), 120, 300), List.of())
                        .mediaStarted(T0)
                        .streamStopped(min(10))
                        .stop(EndReason.ROOM_ENDED, min(12));
        assertThat(task.state()).isEqualTo(TaskState.FINALIZING);
        assertThat(task.mediaEndTime()).contains(min(10));
        assertThat(task.transferred(min(13)).endReason()).contains(EndReason.ROOM_ENDED);
    }

    @Test
    void anAppOutOfServiceStopsItsTaskWhoseFilesAreTransferredBeforeItFails() {
        String why = "the app is out of service: SUSPENDED_ARREARS";
        RecordingTask interrupted =
                RecordingTask.create(Tasks.single(List.of(HLS), 120, 300), List.of())
                        .mediaStarted(T0)
                        .streamStopped(min(10));
        RecordingTask stopped = interrupted.serviceStopped(why, min(12));
        assertThat(stopped.state()).isEqualTo(TaskState.FINALIZING);
        assertThat(stopped.stopTime()).contains(min(12));
        assertThat(stopped.mediaEndTime())
                .as("the media ended when the anchor left")
                .contains(min(10));
        assertThat(FilePlan.of(stopped, FileNames.DEFAULT_ZONE))
                .extracting(PlannedFile::duration)
                .containsExactly(Duration.ofMinutes(10));

        RecordingTask ended = stopped.transferred(min(14));
        assertThat(ended.state()).isEqualTo(TaskState.FAILED);
        assertThat(ended.endReason()).contains(EndReason.SERVICE_STOPPED);
        assertThat(ended.failureMessage()).isEqualTo(why);
        assertThat(ended.serviceStopped(why, min(15))).as("once only").isEqualTo(ended);

        RecordingTask neverStarted =
                RecordingTask.create(Tasks.single(List.of(HLS), 120, 0), List.of())
                        .serviceStopped(why, min(1));
        assertThat(neverStarted.state()).isEqualTo(TaskState.FAILED);
        assertThat(neverStarted.endReason()).contains(EndReason.SERVICE_STOPPED);
        assertThat(FilePlan.of(neverStarted, FileNames.DEFAULT_ZONE)).isEmpty();
    }

    @Test
    void failureKeepsWhatWasRecordedAndEndedTasksIgnoreEvents() {
        RecordingTask failed =
                RecordingTask.create(Tasks.single(List.of(MP4), 30, 0), List.of())
                        .mediaStarted(T0)
                        .fail(EndReason.RECORDER_FAILED, "disk full", min(40));
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.failureMessage()).isEqualTo("disk full");
        assertThat(FilePlan.of(failed, FileNames.DEFAULT_ZONE))
                .extracting(PlannedFile::duration)
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(10));
        assertThat(failed.stop(EndReason.STOPPED_BY_API, min(41))).isEqualTo(failed);
        assertThat(failed.fail(EndReason.SERVICE_STOPPED, "x", min(41))).isEqualTo(failed);
    }

    /** Property: whatever the events, states only move along the arrows of SPEC C-3. */
    @Test
    void randomEventSequencesOnlyFollowTheArrows() {
        Random random = new Random(3);
        for (int run = 0; run < 2_000; run++) {
            RecordingTask task =
                    RecordingTask.create(
                            Tasks.single(
                                    random.nextBoolean() ? List.of(HLS) : List.of(MP4),
                                    5,
                                    random.nextInt(301)),
                            List.of());
            Instant now = T0;
            for (int step = 0; step < 12; step++) {
                now = now.plusSeconds(1 + random.nextInt(600));
                RecordingTask next =
                        switch (random.nextInt(8)) {
                            case 0 -> task.mediaStarted(now);
                            case 1 -> task.streamStopped(now);
                            case 2 -> task.streamResumed(now);
                            case 3 -> task.resumeExpired(task.interruptions());
                            case 4 -> task.stop(EndReason.STOPPED_BY_API, now);
                            case 5 -> task.splitFile(task.fileSequence(), now);
                            case 6 -> task.startTimedOut(POLICY.startTimeout(), now);
                            default -> task.transferred(now);
                        };
                assertThat(allowed(task.state(), next.state()))
                        .as("%s → %s", task.state(), next.state())
                        .isTrue();
                assertThat(next.state().ended()).isEqualTo(next.endTime().isPresent());
                assertThat(next.endReason().isPresent())
                        .isEqualTo(next.state() == TaskState.FINALIZING || next.state().ended());
                if (task.state().ended()) {
                    assertThat(next).isEqualTo(task);
                }
                task = next;
            }
        }
    }

    private static boolean allowed(TaskState from, TaskState to) {
        if (from == to) {
            return true;
        }
        return switch (from) {
            case PENDING ->
                    Optional.of(to).filter(s -> s == TaskState.RECORDING || s.ended()).isPresent();
            case RECORDING ->
                    to == TaskState.INTERRUPTED
                            || to == TaskState.FINALIZING
                            || to == TaskState.FAILED;
            case INTERRUPTED ->
                    to == TaskState.RECORDING
                            || to == TaskState.FINALIZING
                            || to == TaskState.FAILED;
            case FINALIZING -> to.ended();
            case COMPLETED, FAILED -> false;
        };
    }
}
