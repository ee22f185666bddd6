package dev.rtcsuite.mixing.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
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
import dev.rtcsuite.platform.persistence.JsonDocuments;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The session's document types (jsonb columns, job payloads), registered for native reflection, in
 * their JSON form ({@link JsonDocuments}).
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

    private Documents() {}

    public static String write(Object document) {
        return JsonDocuments.write(document);
    }

    public static <T> T read(String json, Class<T> type) {
        return JsonDocuments.read(json, type);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return JsonDocuments.read(json, type);
    }
}
