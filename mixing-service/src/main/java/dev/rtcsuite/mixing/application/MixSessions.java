package dev.rtcsuite.mixing.application;

import static dev.rtcsuite.mixing.domain.TrtcCodes.invalid;

import dev.rtcsuite.mixing.client.AppStanding;
import dev.rtcsuite.mixing.client.MixedRecordings;
import dev.rtcsuite.mixing.client.RoomFeed;
import dev.rtcsuite.mixing.config.MixingConfig;
import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.ParamChecks;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.MixOutput;
import dev.rtcsuite.mixing.domain.session.MixOutputs;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.RecordingInput;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.mixing.domain.session.RoomStream;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * StartMCUMixTranscode, StopMCUMixTranscode, DescribeMixTranscode (SPEC M-1, M-2): one live session
 * per room; a Start for a room with a live session replaces its configuration and lays it out again
 * at once.
 */
@ApplicationScoped
public class MixSessions {

    private final MixSessionRepository sessions;
    private final SessionLedger ledger;
    private final RoomFeed rooms;
    private final AppStanding standing;
    private final MixedRecordings recordings;
    private final MixingConfig config;
    private final Clock clock;

    MixSessions(
            MixSessionRepository sessions,
            SessionLedger ledger,
            RoomFeed rooms,
            AppStanding standing,
            MixedRecordings recordings,
            MixingConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.rooms = rooms;
        this.standing = standing;
        this.recordings = recordings;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts mixing the room, or replaces its live session's configuration. The app must be in
     * service, the room's streams known and not mixed by the client SDK.
     *
     * @param config validated, with defaults filled in
     */
    @Transactional
    public StartResult start(String requestId, long sdkAppId, Room room, MixConfig config) {
        AppStanding.Standing app =
                standing.of(sdkAppId).orElseThrow(() -> MixErrors.unknownApp(sdkAppId));
        if (!app.inService()) {
            throw MixErrors.notInService(sdkAppId, app.reason());
        }
        RoomState state =
                rooms.current(sdkAppId, room, this.config.roomSnapshotWait())
                        .orElseThrow(() -> MixErrors.roomUnknown(sdkAppId, room));
        if (state.clientMixActive()) {
            throw MixErrors.clientMix(sdkAppId, room);
        }
        requireOwnStreamId(config, state);
        // A dismissed room's id may be used again: the session waits for its new streams.
        RoomState current =
                state.dismissed()
                        ? new RoomState(
                                List.of(),
                                false,
                                false,
                                state.version(),
                                state.updateTime(),
                                state.snapshot())
                        : state;
        sessions.lockRoom(sdkAppId, room);
        Optional<MixSession> live = sessions.lockLive(sdkAppId, room);
        return live.isPresent()
                ? new StartResult(replace(live.get(), config, current), false)
                : new StartResult(create(requestId, sdkAppId, room, config, current), true);
    }

    @Transactional
    public MixSession stop(long sdkAppId, Room room) {
        MixSession live =
                sessions.lockLive(sdkAppId, room)
                        .orElseThrow(() -> MixErrors.noSession(sdkAppId, room));
        return ledger.end(live, EndReason.STOPPED, "", clock.instant());
    }

    /** The room's live session, else its latest ended one. */
    public MixSession describe(long sdkAppId, Room room) {
        return sessions.latest(sdkAppId, room)
                .orElseThrow(() -> MixErrors.noSession(sdkAppId, room));
    }

    public MixSession describe(String sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> MixErrors.noSession(sessionId));
    }

    public List<MixSessionRepository.Listed> list(MixSessionRepository.ListQuery query) {
        return sessions.list(query);
    }

    private MixSession create(
            String requestId, long sdkAppId, Room room, MixConfig config, RoomState state) {
        Instant now = clock.instant();
        // The same request id names the same session, so a retry after a failure meets the
        // mixed recording it may have started already.
        String id =
                UUID.nameUUIDFromBytes(
                                ("mix-session:" + sdkAppId + ":" + requestId)
                                        .getBytes(StandardCharsets.UTF_8))
                        .toString();
        MixSession session =
                MixSession.create(
                        id, sdkAppId, room, config, state, MixOutputs.plan(config, List.of()), now);
        session = withRecordingStarted(session);
        ledger.insert(session);
        return session;
    }

    private MixSession replace(MixSession before, MixConfig config, RoomState state) {
        Instant now = clock.instant();
        MixSession metered = ledger.meter(before, now);
        List<MixOutput> outputs = MixOutputs.plan(config, before.outputs());
        MixSession after = metered.reconfigured(config, state, outputs, now);
        Optional<MixOutput> kept = MixOutputs.recording(after.outputs());
        MixOutputs.recording(before.outputs())
                .filter(old -> old.isLive() && !old.recordingTaskId().isEmpty())
                .filter(
                        old ->
                                kept.map(k -> !k.recordingTaskId().equals(old.recordingTaskId()))
                                        .orElse(true))
                .ifPresent(old -> ledger.stopRecording(before.id(), old, EndReason.STOPPED));
        after = withRecordingStarted(after);
        ledger.save(before, after, after.usageStart());
        return after;
    }

    /** Starts the mixed recording of a recording output that has no task yet. */
    private MixSession withRecordingStarted(MixSession session) {
        List<MixOutput> outputs = new ArrayList<>(session.outputs());
        for (int i = 0; i < outputs.size(); i++) {
            MixOutput output = outputs.get(i);
            if (output.kind() == dev.rtcsuite.mixing.domain.session.OutputKind.RECORDING
                    && output.recordingTaskId().isEmpty()) {
                String taskId =
                        recordings.start(
                                session.sdkAppId(),
                                session.room(),
                                output.target(),
                                session.id(),
                                session.configVersion(),
                                output.audioOnly(),
                                RecordingInput.of(session.layout()));
                outputs.set(i, output.withTask(taskId));
            }
        }
        return session.withOutputs(outputs, session.updateTime());
    }

    /** OutputParams.stream_id must differ from every anchor's own stream id (MIXING.md). */
    private static void requireOwnStreamId(MixConfig config, RoomState state) {
        String streamId = config.output().streamId();
        ParamChecks checks = new ParamChecks();
        for (RoomStream stream : state.streams()) {
            checks.check(
                    streamId.isEmpty() || !streamId.equals(stream.streamId()),
                    "output_params.stream_id",
                    "must differ from every anchor's own stream id; "
                            + streamId
                            + " is the stream of "
                            + stream.input().userId(),
                    invalid("StreamId"));
        }
        checks.throwIfInvalid();
    }
}
