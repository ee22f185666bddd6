package dev.rtcsuite.recording.domain.task;

import static dev.rtcsuite.recording.domain.FileFormat.HLS;
import static dev.rtcsuite.recording.domain.task.Tasks.APP;
import static dev.rtcsuite.recording.domain.task.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.domain.Configs;
import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.domain.RecordingMode;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.StreamEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC C-2: which streams start tasks in each mode, and the GLOBAL_AUTO mixing conflict. */
class ControlModesTest {

    private static final Room ROOM = Room.numeric(1234);
    private static final RecordingConfig AUTO =
            Configs.enabled(APP, RecordingMode.GLOBAL_AUTO, List.of(HLS));
    private static final RecordingConfig SPECIFIED =
            Configs.enabled(APP, RecordingMode.SPECIFIED_USERS, List.of(HLS));

    private static StreamEvent published(String userDefineRecordId) {
        return new StreamEvent(
                "e",
                StreamEvent.Kind.PUBLISHED,
                APP,
                ROOM,
                "alice",
                StreamType.MAIN,
                "",
                userDefineRecordId,
                true,
                true,
                640,
                480,
                T0,
                T0);
    }

    @Test
    void globalAutoRecordsEveryPublishedStream() {
        assertThat(ControlModes.triggerFor(AUTO, published(""))).contains(TaskTrigger.GLOBAL_AUTO);
        assertThat(ControlModes.triggerFor(AUTO, published("class1")))
                .contains(TaskTrigger.GLOBAL_AUTO);
    }

    @Test
    void specifiedUsersRecordsOnlyStreamsWithAUserDefineRecordId() {
        assertThat(ControlModes.triggerFor(SPECIFIED, published(""))).isEmpty();
        assertThat(ControlModes.triggerFor(SPECIFIED, published("class1")))
                .contains(TaskTrigger.USER_DEFINE_RECORD_ID);
    }

    @Test
    void nothingIsRecordedWhileRecordingIsOff() {
        assertThat(ControlModes.triggerFor(RecordingConfig.defaults(APP), published("class1")))
                .isEmpty();
        assertThat(
                        ControlModes.mixRefusal(
                                RecordingConfig.defaults(APP), RoomState.empty(APP, ROOM, T0)))
                .contains(ControlModes.MixRefusal.RECORDING_DISABLED);
    }

    @Test
    void globalAutoRefusesTheServerMixWhileTheClientMixes() {
        RoomState clientMixing =
                RoomState.empty(APP, ROOM, T0)
                        .apply(
                                new StreamEvent(
                                        "m",
                                        StreamEvent.Kind.CLIENT_MIX_STARTED,
                                        APP,
                                        ROOM,
                                        "",
                                        StreamType.MAIN,
                                        "",
                                        "",
                                        false,
                                        false,
                                        0,
                                        0,
                                        T0,
                                        T0));
        assertThat(ControlModes.mixRefusal(AUTO, clientMixing))
                .contains(ControlModes.MixRefusal.CLIENT_MIX_ACTIVE);
        assertThat(ControlModes.mixRefusal(SPECIFIED, clientMixing)).isEmpty();
        assertThat(ControlModes.mixRefusal(AUTO, RoomState.empty(APP, ROOM, T0))).isEmpty();
    }

    @Test
    void tasksTakeTheConfigurationInForceAtCreation() {
        TaskSpec spec =
                ControlModes.singleStream(
                        "t",
                        Configs.with(AUTO, List.of(HLS), 30, 7, 120),
                        published("class1"),
                        TaskTrigger.GLOBAL_AUTO);
        assertThat(spec.resumeWait()).hasSeconds(120);
        assertThat(spec.maxFileDurationMinutes()).isEqualTo(30);
        assertThat(spec.effectiveStreamId()).isEqualTo("1400000001_1234_alice_main");
        TaskSpec mix = ControlModes.mixed("m", AUTO, ROOM, "rec", "s1", false, T0);
        assertThat(mix.kind()).isEqualTo(TaskKind.MIXED);
        assertThat(mix.resumeWait()).isZero();
    }
}
