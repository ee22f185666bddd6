package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.client.RoomFeed;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps a room watch open for every live session, on every replica (a Start on another replica, a
 * restart), and closes watches of rooms without a live session. A watch just opened is kept a while
 * even without a session, since the Start that opened it may not have committed yet.
 */
@ApplicationScoped
public class RoomWatches {

    static final Duration GRACE = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(RoomWatches.class);

    private final MixSessionRepository sessions;
    private final RoomFeed rooms;
    private final Clock clock;

    RoomWatches(MixSessionRepository sessions, RoomFeed rooms, Clock clock) {
        this.sessions = sessions;
        this.rooms = rooms;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            reconcile(clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("room watches not opened at start (next try soon): %s", e.getMessage());
        }
    }

    @Scheduled(
            every = "${rtcsuite.mixing.watch-reconcile-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        reconcile(clock.instant());
    }

    public void reconcile(Instant now) {
        Set<MixSessionRepository.LiveRoom> live = Set.copyOf(sessions.liveRooms());
        live.forEach(room -> rooms.watch(room.sdkAppId(), room.room()));
        Set<RoomFeed.Watched> stale =
                rooms.watched().stream()
                        .filter(
                                w ->
                                        !live.contains(
                                                new MixSessionRepository.LiveRoom(
                                                        w.sdkAppId(), w.room())))
                        .filter(w -> w.since().plus(GRACE).isBefore(now))
                        .collect(Collectors.toSet());
        stale.forEach(w -> rooms.unwatch(w.sdkAppId(), w.room()));
    }
}
