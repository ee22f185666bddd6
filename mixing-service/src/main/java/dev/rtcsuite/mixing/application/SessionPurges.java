package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes an ended session once its retention (rtcsuite.mixing.ended-retention, ≥ 24 h) is over.
 */
@ApplicationScoped
public class SessionPurges implements JobHandler {

    private final MixSessionRepository sessions;

    SessionPurges(MixSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public String kind() {
        return JobKinds.PURGE;
    }

    @Override
    public void run(Job job) {
        sessions.deleteEnded(job.key());
    }
}
