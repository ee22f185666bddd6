package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.jobs.DurableJobs;
import dev.rtcsuite.platform.jobs.JobView;
import dev.rtcsuite.recording.client.CallbackSender;
import dev.rtcsuite.recording.domain.ConfigRules;
import dev.rtcsuite.recording.domain.callback.CallbackDelivery;
import dev.rtcsuite.recording.domain.callback.CallbackPayloads;
import dev.rtcsuite.recording.persistence.CallbackRepository;
import dev.rtcsuite.recording.persistence.Documents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Operating callbacks (SPEC C-6): listing deliveries, manual redelivery, endpoint tests. */
@ApplicationScoped
public class Callbacks {

    public static final String CALLBACK_DELIVERY_NOT_FOUND = "CALLBACK_DELIVERY_NOT_FOUND";
    public static final String CALLBACK_URL_NOT_SET = "CALLBACK_URL_NOT_SET";

    /** The outcome of a test event. */
    public record TestResult(String eventId, CallbackSender.Outcome outcome) {}

    private final CallbackRepository deliveries;
    private final DurableJobs jobs;
    private final CallbackTargets targets;
    private final CallbackSender sender;
    private final RecordingConfigs configs;
    private final Apps apps;
    private final Clock clock;

    public Callbacks(
            CallbackRepository deliveries,
            DurableJobs jobs,
            CallbackTargets targets,
            CallbackSender sender,
            RecordingConfigs configs,
            Apps apps,
            Clock clock) {
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.targets = targets;
        this.sender = sender;
        this.configs = configs;
        this.apps = apps;
        this.clock = clock;
    }

    public List<CallbackRepository.Listed> list(CallbackRepository.ListQuery query) {
        return deliveries.list(query);
    }

    /** When a PENDING or RETRYING delivery's next attempt is due. */
    public Optional<Instant> nextAttempt(CallbackDelivery delivery) {
        if (delivery.state() != CallbackDelivery.State.PENDING
                && delivery.state() != CallbackDelivery.State.RETRYING) {
            return Optional.empty();
        }
        return jobs.find(JobKinds.CALLBACK, delivery.jobKey()).map(JobView::dueTime);
    }

    /** Sends the delivery again from now: same event id and body, attempts counted anew. */
    @Transactional
    public CallbackDelivery redeliver(String deliveryId, long sdkAppId) {
        CallbackDelivery delivery =
                deliveries
                        .lock(deliveryId)
                        .filter(d -> sdkAppId == 0 || d.sdkAppId() == sdkAppId)
                        .orElseThrow(
                                () ->
                                        ServiceException.notFound(
                                                CALLBACK_DELIVERY_NOT_FOUND,
                                                "No callback delivery " + deliveryId + ".",
                                                Map.of("deliveryId", deliveryId)));
        jobs.cancel(JobKinds.CALLBACK, delivery.jobKey());
        deliveries.redeliver(deliveryId);
        CallbackDelivery again = deliveries.find(deliveryId).orElseThrow();
        jobs.schedule(JobKinds.CALLBACK, again.jobKey(), JobKinds.NO_PAYLOAD, clock.instant());
        return again;
    }

    /** Sends a signed test event (900) now; not retried, not recorded as a delivery. */
    public TestResult test(long sdkAppId, String url) {
        apps.known(sdkAppId);
        String target = url.isEmpty() ? configs.current(sdkAppId).callbackUrl() : url;
        if (target.isEmpty()) {
            throw ServiceException.failedPrecondition(
                    CALLBACK_URL_NOT_SET,
                    "SdkAppId " + sdkAppId + " has no callback URL; give one in url.",
                    Map.of("sdkAppId", Long.toString(sdkAppId)));
        }
        if (!ConfigRules.callbackUrlValid(target)) {
            throw ServiceException.invalid(
                    "url", "an http:// or https:// URL with a host, at most 1,024 characters");
        }
        targets.check(target, "url");
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String body = Documents.write(CallbackPayloads.test(eventId, sdkAppId, now));
        return new TestResult(
                eventId,
                sender.send(
                        target, eventId, body, configs.signingKey(sdkAppId), now.getEpochSecond()));
    }
}
