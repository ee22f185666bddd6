package dev.rtcsuite.rating.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.rating.application.UsageFact;
import dev.rtcsuite.rating.application.UsageRecord;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.base.Presence;
import dev.rtcsuite.rating.domain.base.Subscription;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.valueadded.InClassRecordingSegment;
import dev.rtcsuite.rating.domain.valueadded.InClassVideoType;
import dev.rtcsuite.rating.domain.valueadded.InputRole;
import dev.rtcsuite.rating.domain.valueadded.LegacyRecordingPeak;
import dev.rtcsuite.rating.domain.valueadded.MixTranscodeSegment;
import dev.rtcsuite.rating.domain.valueadded.RecordingSegment;
import dev.rtcsuite.rating.domain.valueadded.RecordingType;
import dev.rtcsuite.rating.domain.valueadded.VideoCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a batch of proto usage records and maps them to facts (SPEC ). Every bad field
 * of every record is named with its path, e.g. {@code records[3].presence.end_time}; one bad record
 * rejects the batch.
 */
final class UsageRecords {

    /** How far a producer's clock may run ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Duration LONGEST_INTERVAL = Duration.ofHours(24);

    private UsageRecords() {}

    /**
     * @param field the batch's field path, e.g. {@code records}
     * @param now our clock: facts may not end later than this plus {@link #CLOCK_SKEW}
     */
    static List<UsageRecord> facts(
            List<dev.rtcsuite.rating.v1.UsageRecord> batch, String field, Instant now) {
        FieldChecks checks = new FieldChecks();
        checks.check(
                !batch.isEmpty() && batch.size() <= 1_000,
                field,
                "must hold 1–1000 records, held " + batch.size());
        Instant latest = now.plus(CLOCK_SKEW);
        List<UsageRecord> records = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            dev.rtcsuite.rating.v1.UsageRecord record = batch.get(i);
            String path = field + "[" + i + "]";
            checks.length(record.getIdempotencyKey(), 1, 256, path + ".idempotency_key");
            checks.check(
                    record.getSdkAppId() > 0,
                    path + ".sdk_app_id",
                    "required: a positive SdkAppId");
            FieldChecks own = new FieldChecks();
            UsageFact fact = new RecordChecks(own, path, latest).map(record);
            if (own.isValid()) {
                records.add(
                        new UsageRecord(record.getSdkAppId(), record.getIdempotencyKey(), fact));
            }
            own.copyTo(checks);
        }
        checks.throwIfInvalid();
        return records;
    }

    /** The checks of one record's fact; a fact comes out only while its checks hold. */
    private record RecordChecks(FieldChecks checks, String path, Instant latest) {

        UsageFact map(dev.rtcsuite.rating.v1.UsageRecord record) {
            return switch (record.getPayloadCase()) {
                case PRESENCE -> presence(record.getPresence(), path + ".presence");
                case SUBSCRIPTION -> subscription(record.getSubscription(), path + ".subscription");
                case RECORDING_SEGMENT ->
                        recording(record.getRecordingSegment(), path + ".recording_segment");
                case MIX_TRANSCODE_SEGMENT ->
                        transcode(record.getMixTranscodeSegment(), path + ".mix_transcode_segment");
                case IN_CLASS_RECORDING_SEGMENT ->
                        inClass(
                                record.getInClassRecordingSegment(),
                                path + ".in_class_recording_segment");
                case LEGACY_RECORDING_PEAK ->
                        legacy(record.getLegacyRecordingPeak(), path + ".legacy_recording_peak");
                case STORAGE -> storage(record.getStorage(), path + ".storage");
                case PLAYBACK_TRAFFIC ->
                        traffic(record.getPlaybackTraffic(), path + ".playback_traffic");
                case PAYLOAD_NOT_SET -> {
                    checks.check(false, path + ".payload", "required: exactly one usage fact");
                    yield null;
                }
            };
        }

        private UsageFact presence(dev.rtcsuite.rating.v1.PresenceInterval p, String at) {
            String room = room(p.getRoomCase().getNumber(), p.getRoomId(), p.getStrRoomId(), at);
            checks.length(p.getUserId(), 1, 32, at + ".user_id");
            TimeSpan span =
                    interval(
                            p.hasStartTime(), p.getStartTime(), p.hasEndTime(), p.getEndTime(), at);
            return checks.isValid()
                    ? new UsageFact.Base(new Presence(room, p.getUserId(), span))
                    : null;
        }

        private UsageFact subscription(dev.rtcsuite.rating.v1.SubscriptionInterval s, String at) {
            String room = room(s.getRoomCase().getNumber(), s.getRoomId(), s.getStrRoomId(), at);
            checks.length(s.getReceiverUserId(), 1, 32, at + ".receiver_user_id");
            checks.length(s.getSenderUserId(), 1, 32, at + ".sender_user_id");
            checks.check(
                    !s.getReceiverUserId().equals(s.getSenderUserId()),
                    at + ".sender_user_id",
                    "must differ from receiver_user_id");
            dev.rtcsuite.rating.domain.StreamType stream =
                    stream(s.getSenderStreamType(), at + ".sender_stream_type");
            EstimateRequests.resolution(
                    checks, at + ".received", s.getReceivedWidth(), s.getReceivedHeight());
            TimeSpan span =
                    interval(
                            s.hasStartTime(), s.getStartTime(), s.hasEndTime(), s.getEndTime(), at);
            return checks.isValid()
                    ? new UsageFact.Base(
                            new Subscription(
                                    room,
                                    s.getReceiverUserId(),
                                    s.getSenderUserId(),
                                    stream,
                                    Resolution.of(s.getReceivedWidth(), s.getReceivedHeight()),
                                    span))
                    : null;
        }

        private UsageFact recording(dev.rtcsuite.rating.v1.RecordingSegment r, String at) {
            checks.length(r.getTaskId(), 1, 128, at + ".task_id");
            checks.check(
                    r.getRecordingTypeValue() == 1 || r.getRecordingTypeValue() == 2,
                    at + ".recording_type",
                    "must be RECORDING_TYPE_SINGLE_STREAM or RECORDING_TYPE_MIXED_STREAM");
            checks.check(
                    !r.getAggregatedAudio() || r.getRecordingTypeValue() == 2,
                    at + ".aggregated_audio",
                    "only a mixed-stream recording aggregates its audio inputs");
            checks.check(
                    r.getFormatCount() >= 1 && r.getFormatCount() <= 4,
                    at + ".format_count",
                    "must be 1–4 file formats");
            EstimateRequests.resolution(checks, at + ".input", r.getWidth(), r.getHeight());
            TimeSpan span = segment(r.hasStartTime(), r.getStartTime(), r.getSeconds(), 3_600, at);
            if (!checks.isValid()) {
                return null;
            }
            RecordingType type =
                    r.getRecordingTypeValue() == 1
                            ? RecordingType.SINGLE_STREAM
                            : RecordingType.MIXED_STREAM;
            RecordingSegment segment =
                    r.getAggregatedAudio()
                            ? RecordingSegment.ofAggregatedAudio(r.getFormatCount(), span)
                            : RecordingSegment.ofStream(
                                    r.getInputUserId(),
                                    type,
                                    Resolution.of(r.getWidth(), r.getHeight()),
                                    r.getResumeWait(),
                                    r.getFormatCount(),
                                    span);
            return new UsageFact.Recording(r.getTaskId(), segment);
        }

        private UsageFact transcode(dev.rtcsuite.rating.v1.MixTranscodeSegment m, String at) {
            checks.length(m.getSessionId(), 1, 128, at + ".session_id");
            checks.check(
                    m.getOutputCodecValue() == 1 || m.getOutputCodecValue() == 2,
                    at + ".output_codec",
                    "required: VIDEO_CODEC_H264 or VIDEO_CODEC_H265");
            checks.check(
                    !(m.getPadding() && m.getAggregatedAudio()),
                    at + ".padding",
                    "a segment is padding or aggregated audio, not both");
            EstimateRequests.resolution(checks, at + ".input", m.getWidth(), m.getHeight());
            checks.check(
                    !m.getPadding() || m.getWidth() > 0,
                    at + ".width",
                    "padding has the output's picture size (> 0)");
            checks.check(
                    !m.getAggregatedAudio() || m.getWidth() == 0,
                    at + ".width",
                    "aggregated audio has no picture (0 × 0)");
            TimeSpan span = segment(m.hasStartTime(), m.getStartTime(), m.getSeconds(), 3_600, at);
            if (!checks.isValid()) {
                return null;
            }
            VideoCodec codec = m.getOutputCodecValue() == 1 ? VideoCodec.H264 : VideoCodec.H265;
            Resolution resolution = Resolution.of(m.getWidth(), m.getHeight());
            InputRole role =
                    m.getPadding()
                            ? InputRole.PADDING
                            : m.getAggregatedAudio()
                                    ? InputRole.AGGREGATED_AUDIO
                                    : InputRole.STREAM;
            return new UsageFact.Transcode(
                    m.getSessionId(),
                    new MixTranscodeSegment(
                            role == InputRole.STREAM ? m.getInputUserId() : "",
                            codec,
                            role,
                            resolution,
                            span));
        }

        private UsageFact inClass(dev.rtcsuite.rating.v1.InClassRecordingSegment c, String at) {
            checks.length(c.getClassId(), 1, 128, at + ".class_id");
            InClassVideoType type =
                    switch (c.getVideoType()) {
                        case IN_CLASS_VIDEO_TYPE_CAMERA -> InClassVideoType.CAMERA;
                        case IN_CLASS_VIDEO_TYPE_WHITEBOARD -> InClassVideoType.WHITEBOARD;
                        case IN_CLASS_VIDEO_TYPE_MIXED_OUTPUT -> InClassVideoType.MIXED_OUTPUT;
                        default -> null;
                    };
            checks.check(
                    type != null,
                    at + ".video_type",
                    "required: CAMERA, WHITEBOARD or MIXED_OUTPUT");
            checks.check(
                    (type == InClassVideoType.CAMERA) == !c.getUserId().isEmpty(),
                    at + ".user_id",
                    "a CAMERA video, and only a camera video, names its user (1–32 characters)");
            checks.check(c.getUserId().length() <= 32, at + ".user_id", "must be 0–32 characters");
            TimeSpan span = segment(c.hasStartTime(), c.getStartTime(), c.getSeconds(), 86_400, at);
            return checks.isValid()
                    ? new UsageFact.InClass(
                            new InClassRecordingSegment(c.getClassId(), type, c.getUserId(), span))
                    : null;
        }

        private UsageFact legacy(dev.rtcsuite.rating.v1.LegacyRecordingPeak l, String at) {
            LocalDate month = date(l.getMonth(), true, at + ".month");
            checks.check(l.getPeakChannels() >= 0, at + ".peak_channels", "must be ≥ 0");
            checks.check(
                    l.getFormatCount() >= 1 && l.getFormatCount() <= 4,
                    at + ".format_count",
                    "must be 1–4 file formats");
            return checks.isValid()
                    ? new UsageFact.LegacyPeak(
                            new LegacyRecordingPeak(
                                    YearMonth.from(month), l.getPeakChannels(), l.getFormatCount()))
                    : null;
        }

        private UsageFact storage(dev.rtcsuite.rating.v1.StorageUsage s, String at) {
            LocalDate day = date(s.getBillingDay(), false, at + ".billing_day");
            checks.check(s.getStoredBytes() >= 0, at + ".stored_bytes", "must be ≥ 0");
            return checks.isValid() ? new UsageFact.Storage(day, s.getStoredBytes()) : null;
        }

        private UsageFact traffic(dev.rtcsuite.rating.v1.PlaybackTraffic t, String at) {
            checks.check(t.getBytes() >= 0, at + ".bytes", "must be ≥ 0");
            TimeSpan span =
                    interval(
                            t.hasStartTime(), t.getStartTime(), t.hasEndTime(), t.getEndTime(), at);
            return checks.isValid() ? new UsageFact.Traffic(span, t.getBytes()) : null;
        }

        private String room(int roomCase, int roomId, String strRoomId, String at) {
            boolean numeric = roomCase == 1;
            checks.check(
                    (numeric && roomId != 0)
                            || (!numeric && !strRoomId.isEmpty() && strRoomId.length() <= 64),
                    at + ".room",
                    "required: room_id (> 0) or str_room_id (1–64 characters)");
            return numeric ? "n:" + Integer.toUnsignedString(roomId) : "s:" + strRoomId;
        }

        private dev.rtcsuite.rating.domain.StreamType stream(StreamType type, String at) {
            checks.check(
                    type == StreamType.STREAM_TYPE_MAIN || type == StreamType.STREAM_TYPE_AUX,
                    at,
                    "required: STREAM_TYPE_MAIN or STREAM_TYPE_AUX");
            return type == StreamType.STREAM_TYPE_AUX
                    ? dev.rtcsuite.rating.domain.StreamType.AUX
                    : dev.rtcsuite.rating.domain.StreamType.MAIN;
        }

        /** [start, end): both set, end after start, at most 24 h, not in the future. */
        private TimeSpan interval(
                boolean hasStart, Timestamp start, boolean hasEnd, Timestamp end, String at) {
            checks.check(hasStart, at + ".start_time", "required");
            checks.check(hasEnd, at + ".end_time", "required");
            if (!hasStart || !hasEnd) {
                return null;
            }
            Instant from = ProtoTime.instant(start);
            Instant to = ProtoTime.instant(end);
            checks.check(
                    to.isAfter(from) && !to.isAfter(from.plus(LONGEST_INTERVAL)),
                    at + ".end_time",
                    "must be after start_time and at most 24 h later");
            checks.check(
                    !to.isAfter(latest),
                    at + ".end_time",
                    "must not be in the future (allowed clock skew "
                            + CLOCK_SKEW.toMinutes()
                            + " min)");
            return checks.isValid() ? TimeSpan.between(from, to) : null;
        }

        /** A segment of 1–{@code maxSeconds} seconds from start_time, not in the future. */
        private TimeSpan segment(
                boolean hasStart, Timestamp start, long seconds, long maxSeconds, String at) {
            checks.check(hasStart, at + ".start_time", "required");
            checks.check(
                    seconds >= 1 && seconds <= maxSeconds,
                    at + ".seconds",
                    "must be 1–" + maxSeconds + " seconds, was " + seconds);
            if (!hasStart || seconds < 1) {
                return null;
            }
            Instant from = ProtoTime.instant(start);
            checks.check(
                    !from.plusSeconds(seconds).isAfter(latest),
                    at + ".seconds",
                    "the segment must not end in the future (allowed clock skew "
                            + CLOCK_SKEW.toMinutes()
                            + " min)");
            return checks.isValid() ? TimeSpan.ofSeconds(from, seconds) : null;
        }

        /** A valid calendar date; a month has day 0. */
        private LocalDate date(Date date, boolean month, String at) {
            try {
                LocalDate parsed =
                        LocalDate.of(date.getYear(), date.getMonth(), month ? 1 : date.getDay());
                checks.check(
                        !month || date.getDay() == 0,
                        at,
                        "a month has day 0 (year and month only)");
                return parsed;
            } catch (java.time.DateTimeException e) {
                checks.check(
                        false, at, month ? "required: a year and month" : "required: a valid date");
                return null;
            }
        }
    }
}
