package dev.rtcsuite.recording.domain.usage;

import dev.rtcsuite.recording.domain.task.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Meters a task's input streams (SPEC R-4, C-7): each input is open from the time it began in its
 * current form; a change (resolution, video on/off, resume wait, mix composition) closes the
 * segments of the inputs that changed and opens new ones. Closed segments are cut into pieces of at
 * most an hour (rating-service's limit) and carry whole seconds.
 *
 * @param nextSeq the seq of the next segment closed
 */
public record UsageMeter(List<Open> open, long nextSeq) {

    /** An input being metered since {@code since}. */
    public record Open(MeterInput input, Instant since) {}

    /** The meter after a change, and the segments the change closed. */
    public record Metered(UsageMeter meter, List<UsageSegment> closed) {}

    /** Identifies the task a meter belongs to. */
    public record Task(String taskId, long sdkAppId, TaskKind kind, int formatCount) {}

    public static final Duration MAX_SEGMENT = Duration.ofHours(1);

    public UsageMeter {
        open = List.copyOf(open);
    }

    public static UsageMeter idle() {
        return new UsageMeter(List.of(), 0);
    }

    /** From {@code at} on the inputs are {@code now}; an empty list stops metering. */
    public Metered change(Task task, Instant at, List<MeterInput> now) {
        List<Open> kept = new ArrayList<>();
        List<UsageSegment> closed = new ArrayList<>();
        long seq = nextSeq;
        for (Open input : open) {
            if (now.contains(input.input())) {
                kept.add(input);
            } else {
                seq = close(task, input, at, seq, closed);
            }
        }
        for (MeterInput input : now) {
            if (kept.stream().noneMatch(o -> o.input().equals(input))) {
                kept.add(new Open(input, at));
            }
        }
        return new Metered(new UsageMeter(kept, seq), closed);
    }

    /**
     * Closes every open segment at {@code at} and opens the same inputs again (a report period).
     */
    public Metered flush(Task task, Instant at) {
        List<UsageSegment> closed = new ArrayList<>();
        long seq = nextSeq;
        List<Open> reopened = new ArrayList<>();
        for (Open input : open) {
            if (!input.since().isBefore(at)) {
                // opened after the period's end (a flush that runs late): nothing to close yet
                reopened.add(input);
                continue;
            }
            seq = close(task, input, at, seq, closed);
            // the fraction of a second not yet charged stays open
            long whole = Duration.between(input.since(), at).toSeconds();
            reopened.add(new Open(input.input(), input.since().plusSeconds(whole)));
        }
        return new Metered(new UsageMeter(reopened, seq), closed);
    }

    private static long close(
            Task task, Open input, Instant at, long seq, List<UsageSegment> closed) {
        long seconds = Duration.between(input.since(), at).toSeconds();
        Instant from = input.since();
        while (seconds > 0) {
            long piece = Math.min(seconds, MAX_SEGMENT.toSeconds());
            closed.add(
                    new UsageSegment(
                            task.taskId(),
                            task.sdkAppId(),
                            seq++,
                            task.kind(),
                            input.input(),
                            task.formatCount(),
                            from,
                            piece));
            from = from.plusSeconds(piece);
            seconds -= piece;
        }
        return seq;
    }
}
