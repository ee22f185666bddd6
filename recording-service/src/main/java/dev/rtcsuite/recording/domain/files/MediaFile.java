package dev.rtcsuite.recording.domain.files;

import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.Room;
import dev.rtcsuite.recording.domain.StreamType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A recorded file in the media index (SPEC C-5).
 *
 * @param fileSequence the task's file_sequence it belongs to (0 for HLS)
 * @param storageUrl where storage keeps it; also the stable {@code video_url} of callbacks
 * @param expireTime when retention deletes it; empty = kept forever
 */
public record MediaFile(
        String fileId,
        String taskId,
        int fileSequence,
        FileFormat format,
        String name,
        long sdkAppId,
        Room room,
        String userId,
        StreamType streamType,
        String streamId,
        String userDefineRecordId,
        String recordId,
        Instant startTime,
        Instant endTime,
        Duration duration,
        long sizeBytes,
        String storageUrl,
        String storageSubApp,
        Optional<Instant> expireTime,
        FileState state,
        Instant createTime) {

    public MediaFile withState(FileState newState) {
        return new MediaFile(
                fileId,
                taskId,
                fileSequence,
                format,
                name,
                sdkAppId,
                room,
                userId,
                streamType,
                streamId,
                userDefineRecordId,
                recordId,
                startTime,
                endTime,
                duration,
                sizeBytes,
                storageUrl,
                storageSubApp,
                expireTime,
                newState,
                createTime);
    }

    /** The same file stored after all: its size and place now known. */
    public MediaFile stored(long size, String url) {
        return new MediaFile(
                fileId,
                taskId,
                fileSequence,
                format,
                name,
                sdkAppId,
                room,
                userId,
                streamType,
                streamId,
                userDefineRecordId,
                recordId,
                startTime,
                endTime,
                duration,
                size,
                url,
                storageSubApp,
                expireTime,
                FileState.AVAILABLE,
                createTime);
    }
}
