package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.paging.PageRequest;
import dev.rtcsuite.recording.domain.FileFormat;
import dev.rtcsuite.recording.domain.files.MediaQuery;
import dev.rtcsuite.recording.v1.GetPlaybackUrlRequest;
import dev.rtcsuite.recording.v1.MediaFileOrder;
import dev.rtcsuite.recording.v1.SearchMediaFilesRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Media index requests → domain values, every bad field named with its range. */
final class MediaRequests {

    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final Duration MAX_TTL = Duration.ofHours(24);
    static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private MediaRequests() {}

    static MediaQuery search(SearchMediaFilesRequest request, PageRequest page) {
        FieldChecks checks = new FieldChecks();
        RecordingRequests.app(request.getSdkAppId(), "sdk_app_id", checks);
        checks.check(request.getNamePrefix().length() <= 256, "name_prefix", "0–256 characters");
        checks.check(request.getText().length() <= 128, "text", "0–128 characters");
        checks.check(request.getStreamId().length() <= 64, "stream_id", "0–64 characters");
        checks.check(
                request.getStorageSubApp().length() <= 64, "storage_sub_app", "0–64 characters");
        checks.check(
                !request.hasStartTime()
                        || !request.hasEndTime()
                        || ProtoTime.instant(request.getStartTime())
                                .isBefore(ProtoTime.instant(request.getEndTime())),
                "end_time",
                "must be after start_time");
        Set<FileFormat> formats = EnumSet.noneOf(FileFormat.class);
        for (var format : request.getFormatsList()) {
            FileFormat domain = RecordingRequests.format(format);
            checks.check(domain != null, "formats", "HLS, MP4, FLV or AAC");
            if (domain != null) {
                formats.add(domain);
            }
        }
        checks.check(
                request.getOrder() != MediaFileOrder.UNRECOGNIZED,
                "order",
                "CREATE_TIME_ASC or CREATE_TIME_DESC");
        checks.throwIfInvalid();
        return new MediaQuery(
                request.getSdkAppId(),
                request.getNamePrefix(),
                request.getText(),
                request.getStreamId(),
                request.hasStartTime()
                        ? Optional.of(ProtoTime.instant(request.getStartTime()))
                        : Optional.empty(),
                request.hasEndTime()
                        ? Optional.of(ProtoTime.instant(request.getEndTime()))
                        : Optional.empty(),
                formats,
                request.getStorageSubApp(),
                request.getOrder() != MediaFileOrder.MEDIA_FILE_ORDER_CREATE_TIME_ASC,
                page.after(),
                page.size() + 1);
    }

    static Duration ttl(GetPlaybackUrlRequest request) {
        Duration ttl =
                request.hasTtl()
                        ? Duration.ofSeconds(
                                request.getTtl().getSeconds(), request.getTtl().getNanos())
                        : DEFAULT_TTL;
        new FieldChecks()
                .check(!request.getFileId().isEmpty(), "file_id", "required")
                .check(
                        ttl.compareTo(MIN_TTL) >= 0 && ttl.compareTo(MAX_TTL) <= 0,
                        "ttl",
                        "1 minute–24 hours")
                .throwIfInvalid();
        return ttl;
    }

    static void fileId(String fileId) {
        new FieldChecks().check(!fileId.isEmpty(), "file_id", "required").throwIfInvalid();
    }
}
