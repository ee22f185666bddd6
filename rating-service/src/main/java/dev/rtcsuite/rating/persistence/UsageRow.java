package dev.rtcsuite.rating.persistence;

import dev.rtcsuite.rating.application.UsageFact;
import dev.rtcsuite.rating.application.UsageRecord;
import dev.rtcsuite.rating.domain.StreamType;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One row of the wide usage_record table: each kind of fact fills its own columns and leaves the
 * rest null. The single place that knows how a {@link UsageFact} is laid out in columns.
 */
record UsageRow(
        long sdkAppId,
        String idempotencyKey,
        String kind,
        Instant startTime,
        Instant endTime,
        LocalDate usageDate,
        String room,
        String userId,
        String senderUserId,
        String streamType,
        Integer width,
        Integer height,
        String subjectId,
        String recordingType,
        String inputRole,
        String outputCodec,
        String videoType,
        Boolean resumeWait,
        Integer formatCount,
        Long quantity) {

    static UsageRow of(UsageRecord record) {
        Builder row = new Builder(record.sdkAppId(), record.idempotencyKey());
        switch (record.fact()) {
            case UsageFact.Base(Presence presence) ->
                    row.kind("PRESENCE")
                            .span(presence.span())
                            .room(presence.roomId())
                            .user(presence.userId());
            case UsageFact.Base(Subscription s) ->
                    row
                            .kind("SUBSCRIPTION")
                            .span(s.span())
                            .room(s.roomId())
                            .user(s.receiverId())
                            .sender(s.senderId())
                            .stream(s.stream())
                            .resolution(s.received());
            case UsageFact.Recording(String taskId, RecordingSegment s) ->
                    row.kind("RECORDING_SEGMENT")
                            .span(s.span())
                            .subject(taskId)
                            .user(s.inputUserId())
                            .resolution(s.input())
                            .recordingType(s.type())
                            .role(s.role())
                            .resumeWait(s.resumeWait())
                            .formats(s.formatCount());
            case UsageFact.Transcode(String sessionId, MixTranscodeSegment s) ->
                    row.kind("MIX_TRANSCODE_SEGMENT")
                            .span(s.span())
                            .subject(sessionId)
                            .user(s.inputUserId())
                            .resolution(s.resolution())
                            .codec(s.outputCodec())
                            .role(s.role());
            case UsageFact.InClass(InClassRecordingSegment s) ->
                    row.kind("IN_CLASS_RECORDING_SEGMENT")
                            .span(s.span())
                            .subject(s.classId())
                            .user(s.userId())
                            .videoType(s.videoType());
            case UsageFact.LegacyPeak(LegacyRecordingPeak peak) ->
                    row.kind("LEGACY_RECORDING_PEAK")
                            .date(peak.month().atDay(1))
                            .quantity(peak.peakChannels())
                            .formats(peak.formatCount());
            case UsageFact.Storage(LocalDate day, long bytes) ->
                    row.kind("STORAGE").date(day).quantity(bytes);
            case UsageFact.Traffic(TimeSpan span, long bytes) ->
                    row.kind("PLAYBACK_TRAFFIC").span(span).quantity(bytes);
        }
        return row.build();
    }

    UsageRecord toRecord() {
        return new UsageRecord(sdkAppId, idempotencyKey, fact());
    }

    private UsageFact fact() {
        return switch (kind) {
            case "PRESENCE" -> new UsageFact.Base(new Presence(room, userId, span()));
            case "SUBSCRIPTION" ->
                    new UsageFact.Base(
                            new Subscription(
                                    room,
                                    userId,
                                    senderUserId,
                                    StreamType.valueOf(streamType),
                                    resolution(),
                                    span()));
            case "RECORDING_SEGMENT" ->
                    new UsageFact.Recording(
                            subjectId,
                            new RecordingSegment(
                                    userId,
                                    RecordingType.valueOf(recordingType),
                                    InputRole.valueOf(inputRole),
                                    resolution(),
                                    resumeWait,
                                    formatCount,
                                    span()));
            case "MIX_TRANSCODE_SEGMENT" ->
                    new UsageFact.Transcode(
                            subjectId,
                            new MixTranscodeSegment(
                                    userId,
                                    VideoCodec.valueOf(outputCodec),
                                    InputRole.valueOf(inputRole),
                                    resolution(),
                                    span()));
            case "IN_CLASS_RECORDING_SEGMENT" ->
                    new UsageFact.InClass(
                            new InClassRecordingSegment(
                                    subjectId,
                                    InClassVideoType.valueOf(videoType),
                                    userId,
                                    span()));
            case "LEGACY_RECORDING_PEAK" ->
                    new UsageFact.LegacyPeak(
                            new LegacyRecordingPeak(
                                    YearMonth.from(usageDate), quantity.intValue(), formatCount));
            case "STORAGE" -> new UsageFact.Storage(usageDate, quantity);
            case "PLAYBACK_TRAFFIC" -> new UsageFact.Traffic(span(), quantity);
            default -> throw new IllegalStateException("unknown usage kind " + kind);
        };
    }

    private TimeSpan span() {
        return new TimeSpan(startTime, endTime);
    }

    private Resolution resolution() {
        return Resolution.of(width, height);
    }

    /** Fills the columns of one kind; the others stay null. */
    private static final class Builder {
        private final long sdkAppId;
        private final String key;
        private String kind;
        private Instant start;
        private Instant end;
        private LocalDate date;
        private String room;
        private String user;
        private String sender;
        private String stream;
        private Integer width;
        private Integer height;
        private String subject;
        private String recordingType;
        private String role;
        private String codec;
        private String videoType;
        private Boolean resumeWait;
        private Integer formats;
        private Long quantity;

        Builder(long sdkAppId, String key) {
            this.sdkAppId = sdkAppId;
            this.key = key;
        }

        Builder kind(String value) {
            kind = value;
            return this;
        }

        Builder span(TimeSpan span) {
            start = span.start();
            end = span.end();
            return this;
        }

        Builder date(LocalDate value) {
            date = value;
            return this;
        }

        Builder room(String value) {
            room = value;
            return this;
        }

        Builder user(String value) {
            user = value;
            return this;
        }

        Builder sender(String value) {
            sender = value;
            return this;
        }

        Builder stream(StreamType value) {
            stream = value.name();
            return this;
        }

        Builder resolution(Resolution value) {
            width = value.width();
            height = value.height();
            return this;
        }

        Builder subject(String value) {
            subject = value;
            return this;
        }

        Builder recordingType(RecordingType value) {
            recordingType = value.name();
            return this;
        }

        Builder role(InputRole value) {
            role = value.name();
            return this;
        }

        Builder codec(VideoCodec value) {
            codec = value.name();
            return this;
        }

        Builder videoType(InClassVideoType value) {
            videoType = value.name();
            return this;
        }

        Builder resumeWait(boolean value) {
            resumeWait = value;
            return this;
        }

        Builder formats(int value) {
            formats = value;
            return this;
        }

        Builder quantity(long value) {
            quantity = value;
            return this;
        }

        UsageRow build() {
            return new UsageRow(
                    sdkAppId,
                    key,
                    kind,
                    start,
                    end,
                    date,
                    room,
                    user,
                    sender,
                    stream,
                    width,
                    height,
                    subject,
                    recordingType,
                    role,
                    codec,
                    videoType,
                    resumeWait,
                    formats,
                    quantity);
        }
    }
}
