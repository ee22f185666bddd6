package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.client.RoomUpdate;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Relayout (SPEC M-4): every change of a mixed room's streams — a stream joins or leaves, its
 * resolution or media changes — lays the session out again; usage is cut at that moment; a
 * dismissed room ends its session. Messages older than the session's view are ignored, so replicas
 * that all watch the room apply each change once.
 */
@ApplicationScoped
public class RoomChanges {

    private final MixSessionRepository sessions;
    private final SessionLedger ledger;
    private final Clock clock;

    RoomChanges(MixSessionRepository sessions, SessionLedger ledger, Clock clock) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    void apply(@Observes RoomUpdate update) {
        RoomState state = update.state();
        // Waits for a Start of this room in progress, whose session must see this change.
        sessions.lockRoom(update.sdkAppId(), update.room());
        sessions.lockLive(update.sdkAppId(), update.room())
                .filter(session -> state.supersedes(session.roomVersion()))
                .ifPresent(session -> apply(session, state));
    }

    private void apply(MixSession session, RoomState state) {
        Instant now = clock.instant();
        Instant at = state.updateTime().isAfter(now) ? now : state.updateTime();
        if (state.dismissed()) {
            ledger.end(session, EndReason.ROOM_ENDED, "", at);
            return;
        }
        MixSession metered = ledger.meter(session, at);
        ledger.save(session, metered.relaidOut(state, now), metered.usageStart());
    }
}
