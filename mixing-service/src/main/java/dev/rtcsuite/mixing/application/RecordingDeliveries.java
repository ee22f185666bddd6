package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.client.MixedRecordings;
import dev.rtcsuite.mixing.domain.session.RecordingCommand;
import dev.rtcsuite.mixing.persistence.RecordingOutbox;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Delivers a session's recording commands (input changes, stop) to recording-service in order. A
 * failure retries them all later with back-off; their request ids make repeats harmless. A command
 * for a task that has ended is done.
 */
@ApplicationScoped
public class RecordingDeliveries implements JobHandler {

    private final RecordingOutbox outbox;
    private final MixedRecordings recordings;
    private final Clock clock;

    RecordingDeliveries(RecordingOutbox outbox, MixedRecordings recordings, Clock clock) {
        this.outbox = outbox;
        this.recordings = recordings;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return JobKinds.RECORDING_COMMANDS;
    }

    @Override
    public void run(Job job) {
        for (RecordingOutbox.Pending pending : outbox.undelivered(job.key())) {
            RecordingCommand command = pending.command();
            switch (command.kind()) {
                case UPDATE_INPUTS ->
                        recordings.updateInputs(
                                pending.sessionId(),
                                pending.seq(),
                                command.taskId(),
                                command.inputs(),
                                command.changeTime());
                case STOP ->
                        recordings.stop(
                                pending.sessionId(),
                                pending.seq(),
                                command.taskId(),
                                command.stopReason().orElseThrow());
            }
            outbox.delivered(pending.sessionId(), pending.seq(), clock.instant());
        }
    }
}
