package dev.rtcsuite.recording.domain.task;

import dev.rtcsuite.recording.domain.RecordingConfig;
import dev.rtcsuite.recording.domain.RecordingMode;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.room.RoomState;
import dev.rtcsuite.recording.domain.room.StreamEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * The three control modes of SPEC C-2: which published streams start a task, and when a mixed
 * recording asked for by the mix API is refused.
 */
public final class ControlModes {

    /** Why a mixed recording is refused. */
    public enum MixRefusal {
        /** Recording is off for the app. */
        RECORDING_DISABLED,
        /** GLOBAL_AUTO and the room already mixes through the client SDK. */
        CLIENT_MIX_ACTIVE
    }

    private ControlModes() {}

    /**
     * What starts a task for a published stream: every stream in GLOBAL_AUTO, only streams with a
     * userDefineRecordId in SPECIFIED_USERS, nothing while recording is off.
     */
    public static Optional<TaskTrigger> triggerFor(RecordingConfig config, StreamEvent published) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        if (config.mode() == RecordingMode.GLOBAL_AUTO) {
            return Optional.of(TaskTrigger.GLOBAL_AUTO);
        }
        return published.userDefineRecordId().isEmpty()
                ? Optional.empty()
                : Optional.of(TaskTrigger.USER_DEFINE_RECORD_ID);
    }

    /** Whether a mixed recording may start in the room now (C-2.3 and the GLOBAL_AUTO conflict). */
    public static Optional<MixRefusal> mixRefusal(RecordingConfig config, RoomState room) {
        if (!config.enabled()) {
            return Optional.of(MixRefusal.RECORDING_DISABLED);
        }
        if (config.mode() == RecordingMode.GLOBAL_AUTO && room.clientMixActive()) {
            return Optional.of(MixRefusal.CLIENT_MIX_ACTIVE);
        }
        return Optional.empty();
    }

    /** The single-stream task a published stream starts, with the configuration in force. */
    public static TaskSpec singleStream(
            String taskId, RecordingConfig config, StreamEvent published, TaskTrigger trigger) {
        return new TaskSpec(
                taskId,
                published.sdkAppId(),
                published.room(),
                TaskKind.SINGLE_STREAM,
                trigger,
                published.userId(),
                published.streamType(),
                published.streamId(),
                published.userDefineRecordId(),
                "",
                "",
                config.formats(),
                false,
                config.maxFileDurationMinutes(),
                config.resumeTimeoutSeconds(),
                published.eventTime());
    }

    /** The mixed task a mix session asks for. */
    public static TaskSpec mixed(
            String taskId,
            RecordingConfig config,
            Room room,
            String recordId,
            String mixSessionId,
            boolean audioOnly,
            Instant at) {
        return new TaskSpec(
                taskId,
                config.sdkAppId(),
                room,
                TaskKind.MIXED,
                TaskTrigger.MIX_API,
                "",
                dev.rtcsuite.recording.domain.StreamType.MAIN,
                "",
                "",
                recordId,
                mixSessionId,
                config.formats(),
                audioOnly,
                config.maxFileDurationMinutes(),
                0,
                at);
    }
}
