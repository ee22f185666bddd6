package dev.rtcsuite.mixing.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.params.EncodeParams;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.OutputParams;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import dev.rtcsuite.mixing.domain.params.Watermark;
import dev.rtcsuite.mixing.domain.session.MixOutput;
import dev.rtcsuite.mixing.domain.session.RecordingCommand;
import dev.rtcsuite.mixing.domain.session.RecordingInput;
import dev.rtcsuite.mixing.domain.session.RoomStream;
import dev.rtcsuite.mixing.domain.usage.UsageReport;
import dev.rtcsuite.mixing.domain.usage.UsageSegment;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON form of the session's documents (jsonb columns, job payloads): domain records by their
 * component names. Only record components are properties (is-getters such as {@code isEmpty()} are
 * not), and unknown properties are ignored so older rows stay readable after a field is added.
 */
@RegisterForReflection(
        targets = {
            MixConfig.class,
            OutputParams.class,
            EncodeParams.class,
            LayoutParams.class,
            SmallVideo.class,
            PresetSlot.class,
            Watermark.class,
            Rect.class,
            StreamKey.class,
            RoomStream.class,
            MixInput.class,
            MixOutput.class,
            UsageReport.class,
            UsageSegment.class,
            RecordingCommand.class,
            RecordingInput.class
        })
public final class Documents {

    static final TypeReference<List<RoomStream>> STREAMS = new TypeReference<>() {};
    static final TypeReference<List<MixOutput>> OUTPUTS = new TypeReference<>() {};

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

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable document", e);
        }
    }
}
