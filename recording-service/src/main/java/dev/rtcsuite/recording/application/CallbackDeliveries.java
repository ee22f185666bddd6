package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.jobs.Job;
import dev.rtcsuite.platform.jobs.JobHandler;
import dev.rtcsuite.platform.jobs.RetryPolicy;
import dev.rtcsuite.recording.client.CallbackSender;
import dev.rtcsuite.recording.domain.callback.CallbackDelivery;
import dev.rtcsuite.recording.persistence.CallbackRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers callbacks at least once (SPEC C-6): each attempt re-checks the target address, signs the
 * unchanged body with the app's current key and POSTs it; a failure is recorded and retried with
 * exponential back-off and jitter (the job's RetryPolicy); after the last attempt the delivery is
 * DEAD_LETTER until RedeliverCallback.
 */
@ApplicationScoped
public class CallbackDeliveries implements JobHandler {

    private final CallbackRepository deliveries;
    private final CallbackTargets targets;
    private final CallbackSender sender;
    private final RecordingConfigs configs;
    private final RetryPolicy policy;
    private final Clock clock;

    public CallbackDeliveries(
            CallbackRepository deliveries,
            CallbackTargets targets,
            CallbackSender sender,
            RecordingConfigs configs,
            @ConfigProperty(name = "rtcsuite.recording.callback-attempts", defaultValue = "8")
                    int attempts,
            @ConfigProperty(name = "rtcsuite.recording.callback-first-retry", defaultValue = "5S")
                    Duration firstRetry,
            Clock clock) {
        this.deliveries = deliveries;
        this.targets = targets;
        this.sender = sender;
        this.configs = configs;
        this.policy = RetryPolicy.upTo(attempts, firstRetry, Duration.ofMinutes(30));
        this.clock = clock;
    }

    @Override
    public String kind() {
        return JobKinds.CALLBACK;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return policy;
    }

    @Override
    public void run(Job job) {
        String deliveryId = job.key().substring(0, job.key().lastIndexOf(':'));
        CallbackDelivery delivery = deliveries.find(deliveryId).orElse(null);
        if (delivery == null
                || !delivery.jobKey().equals(job.key())
                || delivery.state() == CallbackDelivery.State.DELIVERED) {
            return; // redelivered meanwhile (another generation's job sends it), or done
        }
        Instant now = clock.instant();
        CallbackSender.Outcome outcome;
        try {
            targets.check(delivery.url(), "url");
            outcome =
                    sender.send(
                            delivery.url(),
                            delivery.eventId(),
                            delivery.payloadJson(),
                            configs.signingKey(delivery.sdkAppId()),
                            now.getEpochSecond());
        } catch (ServiceException refused) {
            outcome = new CallbackSender.Outcome(0, refused.getMessage(), Duration.ZERO);
        }
        if (outcome.delivered()) {
            deliveries.recordAttempt(
                    deliveryId,
                    CallbackDelivery.State.DELIVERED,
                    now,
                    outcome.httpStatus(),
                    "",
                    true);
            return;
        }
        CallbackDelivery.State next =
                policy.allowsAnotherAttempt(job.attempts() + 1)
                        ? CallbackDelivery.State.RETRYING
                        : CallbackDelivery.State.DEAD_LETTER;
        CallbackSender.Outcome failed = outcome;
        // The job's transaction rolls back when the attempt fails: the attempt is kept apart.
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                deliveries.recordAttempt(
                                        deliveryId,
                                        next,
                                        now,
                                        failed.httpStatus(),
                                        failed.error(),
                                        false));
        throw new IllegalStateException(
                "callback " + deliveryId + " not delivered: " + outcome.error());
    }
}
