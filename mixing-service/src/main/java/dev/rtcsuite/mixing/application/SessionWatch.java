package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.SessionState;
import dev.rtcsuite.mixing.persistence.MixSessionRepository;
import dev.rtcsuite.mixing.persistence.SessionNotices;
import dev.rtcsuite.platform.persistence.ChangeNotices;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * WatchMixSessions: the matching sessions first (snapshot), then each session after every change,
 * on whichever replica the change happened (PostgreSQL notices). A session that leaves the watched
 * states is sent once more in its new state. After a gap in the notices (the listening connection
 * was lost), every watcher is sent its sessions again: each message is the full resource.
 */
@ApplicationScoped
public class SessionWatch {

    /** A session for a watcher, from the initial snapshot or after a change. */
    public record Sighting(MixSession session, boolean snapshot) {}

    private static final Logger LOG = Logger.getLogger(SessionWatch.class);

    private final MixSessionRepository sessions;
    private final SessionNotices notices;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private ChangeNotices.Listening listener;

    SessionWatch(MixSessionRepository sessions, SessionNotices notices) {
        this.sessions = sessions;
        this.notices = notices;
    }

    void onStart(@Observes StartupEvent start) {
        listener =
                notices.listen(
                        "mix-session-notices",
                        id -> watchers.forEach(w -> w.changed(id)),
                        () -> watchers.forEach(Watcher::resend));
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (listener != null) {
            listener.close();
        }
    }

    /**
     * @param states empty = STARTING and ACTIVE
     * @param sdkAppId 0 = every app
     */
    public Multi<Sighting> watch(Set<SessionState> states, long sdkAppId) {
        Set<SessionState> watched =
                states.isEmpty()
                        ? Set.of(SessionState.STARTING, SessionState.ACTIVE)
                        : Set.copyOf(states);
        return Multi.createFrom()
                .emitter(
                        emitter -> {
                            Watcher watcher = new Watcher(watched, sdkAppId, emitter);
                            watchers.add(watcher);
                            emitter.onTermination(
                                    () -> {
                                        watchers.remove(watcher);
                                        watcher.close();
                                    });
                            watcher.start();
                        });
    }

    /** One watcher: its own ordered virtual thread, the sessions it has seen in its states. */
    private final class Watcher {
        private final Set<SessionState> states;
        private final long sdkAppId;
        private final MultiEmitter<? super Sighting> emitter;
        private final ExecutorService serial =
                Executors.newSingleThreadExecutor(
                        Thread.ofVirtual().name("mix-session-watch").factory());
        private final Set<String> inView = new HashSet<>();

        Watcher(Set<SessionState> states, long sdkAppId, MultiEmitter<? super Sighting> emitter) {
            this.states = states;
            this.sdkAppId = sdkAppId;
            this.emitter = emitter;
        }

        void start() {
            run(() -> sessions.inStates(states, sdkAppId).forEach(s -> send(s, true)));
        }

        void changed(String sessionId) {
            run(() -> sessions.find(sessionId).ifPresent(this::consider));
        }

        /** After a gap: the sessions in view again, and those that left the states meanwhile. */
        void resend() {
            run(
                    () -> {
                        Set<String> left = new HashSet<>(inView);
                        for (MixSession session : sessions.inStates(states, sdkAppId)) {
                            left.remove(session.id());
                            send(session, false);
                        }
                        left.forEach(
                                id ->
                                        sessions.find(id)
                                                .ifPresentOrElse(
                                                        this::consider, () -> inView.remove(id)));
                    });
        }

        /** Sends a session in the watched states, or once more when it has just left them. */
        private void consider(MixSession session) {
            if (sdkAppId != 0 && session.sdkAppId() != sdkAppId) {
                return;
            }
            boolean matches = states.contains(session.state());
            if (matches || inView.contains(session.id())) {
                send(session, false);
            }
        }

        private void send(MixSession session, boolean snapshot) {
            if (states.contains(session.state())) {
                inView.add(session.id());
            } else {
                inView.remove(session.id());
            }
            emitter.emit(new Sighting(session, snapshot));
        }

        private void run(Runnable work) {
            try {
                serial.execute(
                        () -> {
                            try {
                                work.run();
                            } catch (RuntimeException e) {
                                LOG.warnf("session watch update failed: %s", e.toString());
                            }
                        });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the watcher has gone
            }
        }

        void close() {
            serial.shutdown();
        }
    }
}
