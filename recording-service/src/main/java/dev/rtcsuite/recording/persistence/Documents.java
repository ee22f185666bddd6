package dev.rtcsuite.recording.persistence;

import dev.rtcsuite.platform.persistence.JsonDocuments;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.RoomStream;
import dev.rtcsuite.recording.domain.task.RecordingInput;
import dev.rtcsuite.recording.domain.task.RecordingTask;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import dev.rtcsuite.recording.domain.usage.MeterInput;
import dev.rtcsuite.recording.domain.usage.UsageMeter;
import dev.rtcsuite.recording.domain.usage.UsageSegment;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The recording service's document types (jsonb columns, job payloads), registered for native
 * reflection, in their JSON form ({@link JsonDocuments}).
 */
@RegisterForReflection(
        targets = {
            Room.class,
            RoomState.class,
            RoomStream.class,
            RecordingTask.class,
            TaskSpec.class,
            RecordingInput.class,
            UsageMeter.class,
            UsageMeter.Open.class,
            MeterInput.class,
            UsageSegment.class
        })
public final class Documents {

    private Documents() {}

    public static String write(Object document) {
        return JsonDocuments.write(document);
    }

    public static <T> T read(String json, Class<T> type) {
        return JsonDocuments.read(json, type);
    }
}
