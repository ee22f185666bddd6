package dev.rtcsuite.recording.domain.callback;

import static dev.rtcsuite.recording.domain.task.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.task.TaskSpec;
import dev.rtcsuite.recording.domain.task.Tasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC C-6: the event 100 body, field by field, and the signature. */
class CallbackPayloadsTest {

    @Test
    void fileGeneratedCarriesTheSpecifiedFields() {
        TaskSpec task = Tasks.single("task-9", List.of(FileFormat.MP4), 30, 0, "", "class42");
        MediaFile file =
                new MediaFile(
                        "file-1",
                        "task-9",
                        0,
                        FileFormat.MP4,
                        "class42_x_y",
                        task.sdkAppId(),
                        task.room(),
                        "alice",
                        task.streamType(),
                        task.effectiveStreamId(),
                        "class42",
                        "",
                        T0,
                        T0.plusSeconds(1_800),
                        Duration.ofSeconds(1_800),
                        12_345,
                        "https://vod.example.com/f1.mp4",
                        "",
                        Optional.empty(),
                        FileState.AVAILABLE,
                        T0);

        Map<String, Object> body =
                CallbackPayloads.fileGenerated("event-1", file, task, T0.plusSeconds(1_900));

        assertThat(body)
                .containsEntry("event_id", "event-1")
                .containsEntry("event_type", 100)
                .containsEntry("sdkappid", 1_400_000_001L)
                .containsEntry("roomid", "1234")
                .containsEntry("stream_id", "1400000001_1234_alice_main")
                .containsEntry("video_url", "https://vod.example.com/f1.mp4")
                .containsEntry("file_id", "file-1")
                .containsEntry("file_format", "mp4")
                .containsEntry("start_time", T0.getEpochSecond())
                .containsEntry("end_time", T0.getEpochSecond() + 1_800)
                .containsEntry("duration", 1_800L)
                .containsEntry("file_size", 12_345L);
        assertThat(body.get("stream_param"))
                .isEqualTo(Map.of("userid", "YWxpY2U=", "userdefinerecordid", "class42"));
    }

    @Test
    void signatureIsHmacSha256OverTimestampDotBody() {
        // computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        assertThat(CallbackSignature.sign("key", 1_700_000_000L, "{}"))
                .isEqualTo("9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    }
}
