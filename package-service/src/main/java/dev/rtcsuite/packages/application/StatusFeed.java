package dev.rtcsuite.packages.application;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Publishes status changes to WatchServiceStatus streams once the change has committed, so a
 * watcher never sees a status that was rolled back. Changes made by another replica reach this
 * replica's watchers only through their re-reads (the stream contract: callers that may have missed
 * messages read GetServiceStatus again).
 */
@ApplicationScoped
public class StatusFeed {

    private final BroadcastProcessor<StatusChanged> changes = BroadcastProcessor.create();

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        changes.onNext(change);
    }

    public Multi<StatusChanged> changes() {
        return changes;
    }
}
