package dev.rtcsuite.mixing.domain.session;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.LayoutEngine;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.params.EncodeParams;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.render.FfmpegRenderPlan;
import dev.rtcsuite.mixing.domain.render.RenderPlan;
import dev.rtcsuite.mixing.domain.usage.TranscodeUsage;
import dev.rtcsuite.mixing.domain.usage.UsageReport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One MCU mix session of a room (SPEC M-1). Immutable: each change returns the session after it.
 * The layout is not stored but recomputed from the configuration and the room's streams (a pure
 * function, microseconds); {@code layoutVersion} counts its recomputations.
 *
 * @param streams the room's streams at the last relayout, in entry order
 * @param roomVersion the version of the room state they come from (0: none yet)
 * @param usageStart start of the usage period not yet metered, whole seconds
 * @param usageSeq sequence number of that period
 */
public record MixSession(
        String id,
        long sdkAppId,
        Room room,
        SessionState state,
        Optional<EndReason> endReason,
        String failureMessage,
        MixConfig config,
        long configVersion,
        List<RoomStream> streams,
        long roomVersion,
        long layoutVersion,
        Instant layoutTime,
        List<MixOutput> outputs,
        Instant usageStart,
        long usageSeq,
        Instant createTime,
        Instant updateTime,
        Optional<Instant> endTime) {

    /** Usage is cut at least this often (SPEC R-5). */
    public static final Duration USAGE_PERIOD = Duration.ofSeconds(60);

    public MixSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(config, "config");
        streams = List.copyOf(streams);
        outputs = List.copyOf(outputs);
    }

    /** A usage period closed by {@link #meter}: the session after it and what to report. */
    public record Metered(MixSession session, Optional<UsageReport> report) {}

    public static MixSession create(
            String id,
            long sdkAppId,
            Room room,
            MixConfig config,
            RoomState roomState,
            List<MixOutput> outputs,
            Instant now) {
        return new MixSession(
                id,
                sdkAppId,
                room,
                SessionState.STARTING,
                Optional.empty(),
                "",
                config,
                1,
                roomState.streams(),
                roomState.version(),
                1,
                now,
                outputs,
                wholeSeconds(now),
                0,
                now,
                now,
                Optional.empty());
    }

    public boolean isLive() {
        return state != SessionState.ENDED;
    }

    public Canvas canvas() {
        if (!config.carriesVideo()) {
            return Canvas.NONE;
        }
        EncodeParams encode = config.encode();
        return new Canvas(
                encode.videoWidth(),
                encode.videoHeight(),
                encode.backgroundColor(),
                encode.backgroundImageUrl());
    }

    public List<MixInput> inputs() {
        return streams.stream().map(RoomStream::input).toList();
    }

    public Layout layout() {
        return LayoutEngine.compute(config.layout(), canvas(), inputs());
    }

    public RenderPlan renderPlan() {
        EncodeParams encode = config.encode();
        return FfmpegRenderPlan.of(
                layout(),
                new FfmpegRenderPlan.Settings(
                        encode.videoFramerate(), encode.audioSampleRate(), encode.audioChannels()));
    }

    /**
     * Closes the open usage period at {@code cut} (whole seconds, never before its start) with the
     * current layout, and opens the next one there.
     */
    public Metered meter(Instant cut) {
        Instant end = wholeSeconds(cut);
        if (!end.isAfter(usageStart)) {
            return new Metered(this, Optional.empty());
        }
        long seconds = Duration.between(usageStart, end).toSeconds();
        var segments =
                TranscodeUsage.of(
                        layout(),
                        config.carriesVideo(),
                        config.encode().videoCodec(),
                        usageStart,
                        seconds);
        MixSession next = withUsage(end, usageSeq + 1);
        return new Metered(
                next,
                segments.isEmpty()
                        ? Optional.empty()
                        : Optional.of(new UsageReport(id, sdkAppId, usageSeq, segments)));
    }

    /** A replacing Start: new configuration and outputs, laid out again at once. */
    public MixSession reconfigured(
            MixConfig newConfig, RoomState latest, List<MixOutput> newOutputs, Instant now) {
        boolean newer = latest.supersedes(roomVersion);
        return with(
                d -> {
                    d.config = newConfig;
                    d.configVersion = configVersion + 1;
                    if (newer) {
                        d.streams = latest.streams();
                        d.roomVersion = latest.version();
                    }
                    d.relaidOut(now);
                    d.outputs = newOutputs;
                });
    }

    /** The room's streams changed (join, leave, media change): laid out again. */
    public MixSession relaidOut(RoomState latest, Instant now) {
        return with(
                d -> {
                    d.streams = latest.streams();
                    d.roomVersion = latest.version();
                    d.relaidOut(now);
                });
    }

    /** Ends the session: live outputs stop. Meter the last period first. */
    public MixSession ended(EndReason reason, String message, Instant now) {
        if (!isLive()) {
            return this;
        }
        return with(
                d -> {
                    d.state = SessionState.ENDED;
                    d.endReason = Optional.of(reason);
                    d.failureMessage = message;
                    d.outputs =
                            outputs.stream()
                                    .map(o -> o.isLive() ? o.in(OutputState.STOPPED, "") : o)
                                    .toList();
                    d.updateTime = now;
                    d.endTime = Optional.of(now);
                });
    }

    /**
     * Applies a worker's report. Output reports count only for the configuration they name (older
     * ones refer to outputs that may have been replaced); an ended session does not change.
     */
    public MixSession apply(WorkerEvent event, Instant now) {
        if (!isLive()) {
            return this;
        }
        return switch (event.kind()) {
            case MIXING_STARTED ->
                    state == SessionState.STARTING
                            ? with(
                                    d -> {
                                        d.state = SessionState.ACTIVE;
                                        d.updateTime = now;
                                    })
                            : this;
            case OUTPUT_STARTED -> withOutput(event, OutputState.ACTIVE, "", now);
            case OUTPUT_FAILED -> withOutput(event, OutputState.FAILED, event.errorMessage(), now);
            case SESSION_FAILED -> ended(EndReason.FAILED, event.errorMessage(), now);
        };
    }

    public MixSession withOutputs(List<MixOutput> newOutputs, Instant now) {
        return with(
                d -> {
                    d.outputs = newOutputs;
                    d.updateTime = now;
                });
    }

    private MixSession withOutput(
            WorkerEvent event, OutputState newState, String message, Instant now) {
        int index = event.outputIndex();
        if (event.configVersion() != configVersion || index < 0 || index >= outputs.size()) {
            return this;
        }
        MixOutput output = outputs.get(index);
        if (!output.isLive()) {
            return this;
        }
        List<MixOutput> changed = new ArrayList<>(outputs);
        changed.set(index, output.in(newState, message));
        return withOutputs(changed, now);
    }

    private MixSession withUsage(Instant start, long seq) {
        return with(
                d -> {
                    d.usageStart = start;
                    d.usageSeq = seq;
                });
    }

    private MixSession with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A copy being changed: the fields a transition may set. */
    private static final class Draft {
        private final MixSession from;
        SessionState state;
        Optional<EndReason> endReason;
        String failureMessage;
        MixConfig config;
        long configVersion;
        List<RoomStream> streams;
        long roomVersion;
        long layoutVersion;
        Instant layoutTime;
        List<MixOutput> outputs;
        Instant usageStart;
        long usageSeq;
        Instant updateTime;
        Optional<Instant> endTime;

        Draft(MixSession s) {
            from = s;
            state = s.state;
            endReason = s.endReason;
            failureMessage = s.failureMessage;
            config = s.config;
            configVersion = s.configVersion;
            streams = s.streams;
            roomVersion = s.roomVersion;
            layoutVersion = s.layoutVersion;
            layoutTime = s.layoutTime;
            outputs = s.outputs;
            usageStart = s.usageStart;
            usageSeq = s.usageSeq;
            updateTime = s.updateTime;
            endTime = s.endTime;
        }

        /** The layout is recomputed: one more version. */
        void relaidOut(Instant now) {
            layoutVersion = from.layoutVersion + 1;
            layoutTime = now;
            updateTime = now;
        }

        MixSession build() {
            return new MixSession(
                    from.id,
                    from.sdkAppId,
                    from.room,
                    state,
                    endReason,
                    failureMessage,
                    config,
                    configVersion,
                    streams,
                    roomVersion,
                    layoutVersion,
                    layoutTime,
                    outputs,
                    usageStart,
                    usageSeq,
                    from.createTime,
                    updateTime,
                    endTime);
        }
    }

    public static Instant wholeSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
