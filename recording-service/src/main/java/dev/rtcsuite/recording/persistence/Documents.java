package dev.rtcsuite.recording.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
 * The JSON form of stored documents (jsonb columns, job payloads): domain records by their
 * component names; unknown properties are ignored so older rows stay readable after a field is
 * added.
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

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .addModule(new Jdk8Module())
                    .addModule(new JavaTimeModule())
                    .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private Documents() {}

    public static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " document", e);
        }
    }
}
