package dev.rtcsuite.recording.domain.usage;

import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.RoomStream;
import dev.rtcsuite.recording.domain.task.RecordingInput;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskKind;
import dev.rtcsuite.recording.domain.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the recorder of a task receives now, as metered inputs (SPEC R-4): a stream with video is
 * counted as video (tier of its resolution), an audio-only stream as audio; a single-stream task
 * inside the resume wait as audio; a mix counts each input, or one audio input when all are
 * audio-only. Nothing is metered before media arrives or after recording stops.
 */
public final class UsageInputs {

    private UsageInputs() {}

    public static List<MeterInput> of(RecordingTask task, RoomState room) {
        if (task.state() != TaskState.RECORDING && task.state() != TaskState.INTERRUPTED) {
            return List.of();
        }
        return task.spec().kind() == TaskKind.MIXED ? mixed(task, room) : single(task, room);
    }

    private static List<MeterInput> single(RecordingTask task, RoomState room) {
        var spec = task.spec();
        boolean waiting = task.state() == TaskState.INTERRUPTED;
        Optional<RoomStream> stream = room.stream(spec.userId(), spec.streamType());
        boolean video =
                !waiting
                        && !spec.recordsAudioOnly()
                        && stream.map(RoomStream::hasVideo).orElse(false);
        return List.of(
                new MeterInput(
                        spec.userId(),
                        spec.streamType(),
                        spec.effectiveStreamId(),
                        video ? stream.get().width() : 0,
                        video ? stream.get().height() : 0,
                        waiting,
                        false));
    }

    private static List<MeterInput> mixed(RecordingTask task, RoomState room) {
        List<MeterInput> inputs = new ArrayList<>();
        for (RecordingInput input : task.inputs()) {
            Optional<RoomStream> stream = room.stream(input.userId(), input.streamType());
            if (stream.isEmpty()) {
                continue; // not published now: the recorder receives nothing from it
            }
            boolean video =
                    input.videoMixed()
                            && !task.spec().recordsAudioOnly()
                            && stream.get().hasVideo();
            inputs.add(
                    new MeterInput(
                            input.userId(),
                            input.streamType(),
                            stream.get().streamId(),
                            video ? stream.get().width() : 0,
                            video ? stream.get().height() : 0,
                            false,
                            false));
        }
        boolean allAudio = inputs.stream().allMatch(i -> i.width() == 0 && i.height() == 0);
        return !inputs.isEmpty() && allAudio ? List.of(MeterInput.allAudio()) : inputs;
    }
}
