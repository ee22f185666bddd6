package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.domain.TrtcCodes;
import dev.rtcsuite.mixing.domain.params.ParamChecks;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.WorkerEvent;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** ReportMixWorkerEvent: MCU workers' progress reports, each applied once by its event id. */
@ApplicationScoped
public class WorkerReports {

    /** The session after the report, and whether the event had been applied before. */
    public record Reported(MixSession session, boolean duplicate) {}

    private final MixSessionRepository sessions;
    private final SessionLedger ledger;
    private final Clock clock;

    WorkerReports(MixSessionRepository sessions, SessionLedger ledger, Clock clock) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Reported report(WorkerEvent event) {
        MixSession session =
                sessions.lock(event.sessionId())
                        .orElseThrow(() -> MixErrors.noSession(event.sessionId()));
        boolean outputEvent =
                event.kind() == WorkerEvent.Kind.OUTPUT_STARTED
                        || event.kind() == WorkerEvent.Kind.OUTPUT_FAILED;
        new ParamChecks()
                .check(
                        !outputEvent
                                || event.configVersion() != session.configVersion()
                                || (event.outputIndex() >= 0
                                        && event.outputIndex() < session.outputs().size()),
                        "event.output_index",
                        "must be 0–"
                                + (session.outputs().size() - 1)
                                + " (an output of config_version "
                                + session.configVersion()
                                + ")",
                        TrtcCodes.invalid("OutputIndex"))
                .throwIfInvalid();
        Instant now = clock.instant();
        if (!sessions.recordWorkerEvent(event.eventId(), session.id(), event.kind().name(), now)) {
            return new Reported(session, true);
        }
        if (event.kind() == WorkerEvent.Kind.SESSION_FAILED && session.isLive()) {
            return new Reported(
                    ledger.end(session, EndReason.FAILED, event.errorMessage(), now), false);
        }
        MixSession after = session.apply(event, now);
        if (!after.equals(session)) {
            ledger.saveState(after);
        }
        return new Reported(after, false);
    }
}
