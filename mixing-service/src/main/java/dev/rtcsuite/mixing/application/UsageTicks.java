package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.client.AppStanding;
import dev.rtcsuite.mixing.domain.session.EndReason;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Every 60 s of an unchanged layout, closes the session's usage period (SPEC R-5: segments at least
 * every 60 s) at exactly 60 s, however late the job runs; then checks that the app is still in
 * service (SPEC P-6) and ends the session SERVICE_STOPPED when it is not. A tick of a period that a
 * relayout already closed does nothing.
 */
@ApplicationScoped
public class UsageTicks implements JobHandler {

    private static final Logger LOG = Logger.getLogger(UsageTicks.class);

    private final MixSessionRepository sessions;
    private final SessionLedger ledger;
    private final AppStanding standing;
    private final Clock clock;

    UsageTicks(
            MixSessionRepository sessions,
            SessionLedger ledger,
            AppStanding standing,
            Clock clock) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.standing = standing;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return JobKinds.USAGE_TICK;
    }

    @Override
    public void run(Job job) {
        long seq = JobKinds.seqOf(job.key());
        Optional<MixSession> found =
                sessions.lock(JobKinds.sessionOf(job.key()))
                        .filter(s -> s.isLive() && s.usageSeq() == seq);
        if (found.isEmpty()) {
            return;
        }
        MixSession session = found.get();
        MixSession next = ledger.meter(session, session.usageStart().plus(MixSession.USAGE_PERIOD));
        Optional<AppStanding.Standing> app = standingOf(session.sdkAppId());
        if (app.isPresent() && !app.get().inService()) {
            ledger.end(
                    next,
                    EndReason.SERVICE_STOPPED,
                    "the app is out of service: " + app.get().reason(),
                    clock.instant());
        } else {
            sessions.update(next);
        }
    }

    /** Empty when package-service cannot tell now: the session goes on (never cut on doubt). */
    private Optional<AppStanding.Standing> standingOf(long sdkAppId) {
        try {
            return Optional.of(
                    standing.of(sdkAppId)
                            .orElse(new AppStanding.Standing(sdkAppId, false, "APP_NOT_FOUND")));
        } catch (RuntimeException e) {
            LOG.debugf("standing of %d unknown this minute: %s", sdkAppId, e.getMessage());
            return Optional.empty();
        }
    }
}
