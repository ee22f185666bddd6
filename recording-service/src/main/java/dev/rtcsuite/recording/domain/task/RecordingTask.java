package dev.rtcsuite.recording.domain.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recording task and its state machine (SPEC C-3). Immutable: every transition returns the task
 * after it, or the same task when the event does not apply in its state (a late or repeated event
 * changes nothing). The times are those of the events, so a timer that runs late still ends the
 * task at the time it was due.
 *
 * @param fileSequence 0-based index of the file being written; raised at each max-duration split
 * @param interruptions how many times the anchor stopped and the resume wait began
 * @param mediaEndTime when the recorded media ended (the interruption, for an expired resume wait)
 * @param inputs MIXED: the streams mixed now
 */
public record RecordingTask(
        TaskSpec spec,
        TaskState state,
        Optional<EndReason> endReason,
        String failureMessage,
        int fileSequence,
        int interruptions,
        Optional<Instant> startTime,
        Optional<Instant> interruptTime,
        Optional<Instant> resumeDeadline,
        Optional<Instant> stopTime,
        Optional<Instant> mediaEndTime,
        Optional<Instant> endTime,
        Instant updateTime,
        List<RecordingInput> inputs) {

    public RecordingTask {
        inputs = List.copyOf(inputs);
    }

    /** A new task, waiting for media. */
    public static RecordingTask create(TaskSpec spec, List<RecordingInput> inputs) {
        return new RecordingTask(
                spec,
                TaskState.PENDING,
                Optional.empty(),
                "",
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                spec.createTime(),
                inputs);
    }

    public String id() {
        return spec.taskId();
    }

    /** The recorder received the first media: PENDING → RECORDING. */
    public RecordingTask mediaStarted(Instant at) {
        if (state != TaskState.PENDING) {
            return this;
        }
        return new RecordingTask(
                spec,
                TaskState.RECORDING,
                endReason,
                failureMessage,
                fileSequence,
                interruptions,
                Optional.of(at),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                at,
                inputs);
    }

    /**
     * The anchor stopped publishing: with a resume wait the task waits for it (INTERRUPTED), else
     * recording stops. A task that never received media simply completes.
     */
    public RecordingTask streamStopped(Instant at) {
        return switch (state) {
            case PENDING -> ended(TaskState.COMPLETED, EndReason.STREAM_ENDED, "", at);
            case RECORDING -> {
                Duration wait = spec.resumeWait();
                yield wait.isZero()
                        ? finalizing(EndReason.STREAM_ENDED, failureMessage, at, at)
                        : new RecordingTask(
                                spec,
                                TaskState.INTERRUPTED,
                                endReason,
                                failureMessage,
                                fileSequence,
                                interruptions + 1,
                                startTime,
                                Optional.of(at),
                                Optional.of(at.plus(wait)),
                                stopTime,
                                mediaEndTime,
                                endTime,
                                at,
                                inputs);
            }
            default -> this;
        };
    }

    /** Whether the anchor publishing again at {@code at} continues this task (and its file). */
    public boolean resumableAt(Instant at) {
        return state == TaskState.INTERRUPTED && at.isBefore(resumeDeadline.orElseThrow());
    }

    /** The anchor is back inside the resume wait: INTERRUPTED → RECORDING, same file. */
    public RecordingTask streamResumed(Instant at) {
        if (!resumableAt(at)) {
            return this;
        }
        return new RecordingTask(
                spec,
                TaskState.RECORDING,
                endReason,
                failureMessage,
                fileSequence,
                interruptions,
                startTime,
                Optional.empty(),
                Optional.empty(),
                stopTime,
                mediaEndTime,
                endTime,
                at,
                inputs);
    }

    /**
     * The resume wait of interruption {@code interruption} ran out: recording stopped when the
     * anchor left, the files are transferred from the deadline on.
     */
    public RecordingTask resumeExpired(int interruption) {
        if (state != TaskState.INTERRUPTED || interruption != interruptions) {
            return this;
        }
        return finalizing(
                EndReason.STREAM_ENDED,
                failureMessage,
                resumeDeadline.orElseThrow(),
                interruptTime.orElseThrow());
    }

    /** Stopped through the API, by the room's end or by the service: recording stops now. */
    public RecordingTask stop(EndReason reason, Instant at) {
        return stop(reason, failureMessage, at);
    }

    private RecordingTask stop(EndReason reason, String message, Instant at) {
        return switch (state) {
            case PENDING -> ended(endState(reason), reason, message, at);
            case RECORDING -> finalizing(reason, message, at, at);
            case INTERRUPTED -> finalizing(reason, message, at, interruptTime.orElseThrow());
            default -> this;
        };
    }

    /**
     * The app went out of service (SPEC P-6): recording stops now and the files written so far are
     * transferred as on any stop; the task then ends FAILED SERVICE_STOPPED with {@code why}. A
     * task that never received media fails at once.
     */
    public RecordingTask serviceStopped(String why, Instant at) {
        return stop(EndReason.SERVICE_STOPPED, why, at);
    }

    /** When the file being written reaches the max duration, if files are split. */
    public Optional<Instant> nextSplitTime() {
        if (state != TaskState.RECORDING || !spec.splitsFiles()) {
            return Optional.empty();
        }
        return startTime.map(
                start -> start.plus(spec.maxFileDuration().multipliedBy(fileSequence + 1L)));
    }

    /** File {@code sequence} reached the max duration: the recorder opens the next file. */
    public RecordingTask splitFile(int sequence, Instant at) {
        if (nextSplitTime().isEmpty() || sequence != fileSequence) {
            return this;
        }
        return new RecordingTask(
                spec,
                state,
                endReason,
                failureMessage,
                fileSequence + 1,
                interruptions,
                startTime,
                interruptTime,
                resumeDeadline,
                stopTime,
                mediaEndTime,
                endTime,
                at,
                inputs);
    }

    /** No media within the start timeout: FAILED START_TIMEOUT. */
    public RecordingTask startTimedOut(Duration timeout, Instant at) {
        if (state != TaskState.PENDING) {
            return this;
        }
        return ended(
                TaskState.FAILED,
                EndReason.START_TIMEOUT,
                "no media received within " + timeout.toSeconds() + " s of the task's creation",
                at);
    }

    /**
     * Every file is stored: FINALIZING → COMPLETED with the reason recording stopped, or FAILED
     * when that reason fails a task (the app went out of service).
     */
    public RecordingTask transferred(Instant at) {
        if (state != TaskState.FINALIZING) {
            return this;
        }
        EndReason reason = endReason.orElseThrow();
        return ended(endState(reason), reason, failureMessage, at);
    }

    /** How a task stopped for {@code reason} ends once nothing is left to transfer. */
    private static TaskState endState(EndReason reason) {
        return reason.failsTask() ? TaskState.FAILED : TaskState.COMPLETED;
    }

    /** The task cannot go on: FAILED with the reason. Files already written are kept. */
    public RecordingTask fail(EndReason reason, String message, Instant at) {
        if (state.ended()) {
            return this;
        }
        return ended(TaskState.FAILED, reason, message, at);
    }

    /** MIXED: the streams mixed from {@code at} on. */
    public RecordingTask withInputs(List<RecordingInput> newInputs, Instant at) {
        if (!state.live()) {
            return this;
        }
        return new RecordingTask(
                spec,
                state,
                endReason,
                failureMessage,
                fileSequence,
                interruptions,
                startTime,
                interruptTime,
                resumeDeadline,
                stopTime,
                mediaEndTime,
                endTime,
                at,
                newInputs);
    }

    private RecordingTask finalizing(
            EndReason reason, String message, Instant stoppedAt, Instant mediaEnd) {
        return new RecordingTask(
                spec,
                TaskState.FINALIZING,
                Optional.of(reason),
                message,
                fileSequence,
                interruptions,
                startTime,
                Optional.empty(),
                Optional.empty(),
                Optional.of(stoppedAt),
                Optional.of(mediaEnd),
                endTime,
                stoppedAt,
                inputs);
    }

    private RecordingTask ended(TaskState to, EndReason reason, String message, Instant at) {
        Optional<Instant> mediaEnd =
                mediaEndTime.isPresent() || startTime.isEmpty()
                        ? mediaEndTime
                        : Optional.of(interruptTime.orElse(at));
        return new RecordingTask(
                spec,
                to,
                Optional.of(reason),
                message,
                fileSequence,
                interruptions,
                startTime,
                Optional.empty(),
                Optional.empty(),
                stopTime.isPresent() || startTime.isEmpty() ? stopTime : Optional.of(at),
                mediaEnd,
                Optional.of(at),
                at,
                inputs);
    }
}
