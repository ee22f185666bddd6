package dev.rtcsuite.recording.domain.task;

import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a task records, fixed when it is created (the configuration in force then).
 *
 * @param userId single-stream: the anchor; empty for MIXED
 * @param streamId single-stream: the stream id the publisher set, empty for the default
 * @param recordId MIXED: OutputParams.record_id
 */
public record TaskSpec(
        String taskId,
        long sdkAppId,
        Room room,
        TaskKind kind,
        TaskTrigger trigger,
        String userId,
        StreamType streamType,
        String streamId,
        String userDefineRecordId,
        String recordId,
        String mixSessionId,
        List<FileFormat> formats,
        boolean audioOnly,
        int maxFileDurationMinutes,
        int resumeTimeoutSeconds,
        Instant createTime) {

    public TaskSpec {
        formats = List.copyOf(formats);
    }

    /** The resume wait in force: configured for HLS only (SPEC C-1), never for a mix. */
    public Duration resumeWait() {
        boolean hlsOnly = formats.equals(List.of(FileFormat.HLS));
        return kind == TaskKind.SINGLE_STREAM && hlsOnly
                ? Duration.ofSeconds(resumeTimeoutSeconds)
                : Duration.ZERO;
    }

    /** Whether files are split at the max duration: only formats other than HLS are. */
    public boolean splitsFiles() {
        return formats.stream().anyMatch(format -> format != FileFormat.HLS);
    }

    public Duration maxFileDuration() {
        return Duration.ofMinutes(maxFileDurationMinutes);
    }

    /**
     * The stream id as recorded: the publisher's, else {@code
     * {sdkappid}_{roomid}_{userid}_{main|aux}}.
     */
    public String effectiveStreamId() {
        if (kind == TaskKind.MIXED) {
            return "";
        }
        return streamId.isEmpty()
                ? sdkAppId + "_" + room.id() + "_" + userId + "_" + streamType.suffix()
                : streamId;
    }

    /** Whether the recording carries no video: a record_audio_only mix, or AAC files only. */
    public boolean recordsAudioOnly() {
        return audioOnly || formats.equals(List.of(FileFormat.AAC));
    }
}
