package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.config.MixingConfig;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.MixOutput;
import dev.rtcsuite.mixing.domain.session.MixOutputs;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.RecordingCommand;
import dev.rtcsuite.mixing.domain.session.RecordingInput;
import dev.rtcsuite.mixing.persistence.Documents;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import dev.rtcsuite.mixing.persistence.RecordingOutbox;
import dev.rtcsuite.mixing.persistence.SessionNotices;
import dev.rtcsuite.platform.jobs.DurableJobs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes session changes together with their durable consequences, in the caller's transaction:
 * usage reports and the next usage tick, recording commands, the purge of an ended session, and the
 * notice that watchers receive once the change commits.
 */
@ApplicationScoped
class SessionLedger {

    private final MixSessionRepository sessions;
    private final RecordingOutbox outbox;
    private final SessionNotices notices;
    private final DurableJobs jobs;
    private final MixingConfig config;
    private final Clock clock;

    SessionLedger(
            MixSessionRepository sessions,
            RecordingOutbox outbox,
            SessionNotices notices,
            DurableJobs jobs,
            MixingConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.notices = notices;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    void insert(MixSession session) {
        sessions.insert(session);
        scheduleTick(session);
        notices.changed(session.id());
    }

    /**
     * Closes the open usage period at {@code cut} (never later than now) and schedules its report
     * for rating-service; the next tick follows the new period.
     */
    MixSession meter(MixSession session, Instant cut) {
        Instant now = clock.instant();
        MixSession.Metered metered = session.meter(cut.isAfter(now) ? now : cut);
        metered.report()
                .ifPresent(
                        report ->
                                jobs.schedule(
                                        JobKinds.USAGE_REPORT,
                                        JobKinds.periodKey(report.sessionId(), report.seq()),
                                        JobKinds.utf8(Documents.write(report)),
                                        now));
        MixSession next = metered.session();
        if (next.usageSeq() != session.usageSeq()) {
            jobs.cancel(JobKinds.USAGE_TICK, JobKinds.periodKey(session.id(), session.usageSeq()));
            scheduleTick(next);
        }
        return next;
    }

    /**
     * Saves a live session after a relayout or a new configuration; a recording that goes on
     * follows its new inputs from {@code changeTime}.
     */
    void save(MixSession before, MixSession after, Instant changeTime) {
        sessions.update(after);
        liveRecording(after)
                .filter(recording -> sameTask(before, recording))
                .ifPresent(
                        recording -> {
                            List<RecordingInput> inputs = RecordingInput.of(after.layout());
                            if (!inputs.equals(RecordingInput.of(before.layout()))) {
                                command(
                                        after.id(),
                                        RecordingCommand.updateInputs(
                                                recording.recordingTaskId(), inputs, changeTime));
                            }
                        });
        notices.changed(after.id());
    }

    /** Saves a change that affects neither layout nor outputs' tasks (state, output states). */
    void saveState(MixSession after) {
        sessions.update(after);
        notices.changed(after.id());
    }

    /** Ends a live session at {@code at}: meters its last period, stops its recording. */
    MixSession end(MixSession session, EndReason reason, String message, Instant at) {
        MixSession metered = meter(session, at);
        MixSession ended = metered.ended(reason, message, clock.instant());
        jobs.cancel(JobKinds.USAGE_TICK, JobKinds.periodKey(ended.id(), ended.usageSeq()));
        liveRecording(session)
                .ifPresent(recording -> stopRecording(session.id(), recording, reason));
        jobs.schedule(
                JobKinds.PURGE,
                ended.id(),
                JobKinds.NO_PAYLOAD,
                ended.endTime().orElseThrow().plus(config.endedRetention()));
        sessions.update(ended);
        notices.changed(ended.id());
        return ended;
    }

    void stopRecording(String sessionId, MixOutput recording, EndReason reason) {
        command(
                sessionId,
                RecordingCommand.stop(recording.recordingTaskId(), reason, clock.instant()));
    }

    private void command(String sessionId, RecordingCommand command) {
        outbox.add(sessionId, command, clock.instant());
        jobs.reschedule(
                JobKinds.RECORDING_COMMANDS, sessionId, JobKinds.NO_PAYLOAD, clock.instant());
    }

    private void scheduleTick(MixSession session) {
        jobs.schedule(
                JobKinds.USAGE_TICK,
                JobKinds.periodKey(session.id(), session.usageSeq()),
                JobKinds.NO_PAYLOAD,
                session.usageStart().plus(MixSession.USAGE_PERIOD));
    }

    private static Optional<MixOutput> liveRecording(MixSession session) {
        return MixOutputs.recording(session.outputs())
                .filter(o -> o.isLive() && !o.recordingTaskId().isEmpty());
    }

    private static boolean sameTask(MixSession before, MixOutput recording) {
        return liveRecording(before)
                .map(b -> b.recordingTaskId().equals(recording.recordingTaskId()))
                .orElse(false);
    }
}
