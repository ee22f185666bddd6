package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.persistence.ChangeNotices;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Watch streams over change notices: a watcher gets the matching items first (snapshot), then each
 * item it concerns after every change, on whichever replica the change happened. An item that
 * leaves the watched view is sent once more. After a gap in the notices every watcher is sent its
 * view again: each message is the full item, so nothing is lost but time.
 */
final class ChangeFeed<T> {

    /** An item for a watcher, from the snapshot or after a change. */
    record Sighting<T>(T item, boolean snapshot) {}

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final String name;
    private final ChangeNotices notices;
    private final Function<String, Optional<T>> load;
    private final Function<T, String> idOf;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private ChangeNotices.Listening listener;

    ChangeFeed(
            String name,
            ChangeNotices notices,
            Function<String, Optional<T>> load,
            Function<T, String> idOf) {
        this.name = name;
        this.notices = notices;
        this.load = load;
        this.idOf = idOf;
    }

    void start() {
        listener =
                notices.start(
                        name + "-notices",
                        id -> watchers.forEach(w -> w.changed(id)),
                        () -> watchers.forEach(Watcher::resend));
    }

    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    /**
     * @param snapshot the items in view now
     * @param concerns whether a changed item is this watcher's at all
     * @param inView whether an item it concerns is in its view
     */
    Multi<Sighting<T>> watch(
            Supplier<List<T>> snapshot, Predicate<T> concerns, Predicate<T> inView) {
        return Multi.createFrom()
                .emitter(
                        emitter -> {
                            Watcher watcher = new Watcher(snapshot, concerns, inView, emitter);
                            watchers.add(watcher);
                            emitter.onTermination(
                                    () -> {
                                        watchers.remove(watcher);
                                        watcher.close();
                                    });
                            watcher.run(() -> watcher.sendAll(true));
                        });
    }

    /** One watcher: its own ordered virtual thread and the ids in its view. */
    private final class Watcher {
        private final Supplier<List<T>> snapshot;
        private final Predicate<T> concerns;
        private final Predicate<T> inView;
        private final MultiEmitter<? super Sighting<T>> emitter;
        private final ExecutorService serial =
                Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name).factory());
        private final Set<String> seen = new HashSet<>();

        Watcher(
                Supplier<List<T>> snapshot,
                Predicate<T> concerns,
                Predicate<T> inView,
                MultiEmitter<? super Sighting<T>> emitter) {
            this.snapshot = snapshot;
            this.concerns = concerns;
            this.inView = inView;
            this.emitter = emitter;
        }

        void sendAll(boolean asSnapshot) {
            Set<String> left = new HashSet<>(seen);
            for (T item : snapshot.get()) {
                left.remove(idOf.apply(item));
                send(item, asSnapshot);
            }
            left.forEach(
                    id -> load.apply(id).ifPresentOrElse(this::consider, () -> seen.remove(id)));
        }

        void changed(String id) {
            run(() -> load.apply(id).ifPresent(this::consider));
        }

        void resend() {
            run(() -> sendAll(false));
        }

        private void consider(T item) {
            if (concerns.test(item) && (inView.test(item) || seen.contains(idOf.apply(item)))) {
                send(item, false);
            }
        }

        private void send(T item, boolean asSnapshot) {
            if (inView.test(item)) {
                seen.add(idOf.apply(item));
            } else {
                seen.remove(idOf.apply(item));
            }
            emitter.emit(new Sighting<>(item, asSnapshot));
        }

        void run(Runnable work) {
            try {
                serial.execute(
                        () -> {
                            try {
                                work.run();
                            } catch (RuntimeException e) {
                                LOG.warnf("%s watch update failed: %s", name, e.toString());
                            }
                        });
            } catch (RejectedExecutionException closed) {
                // the watcher has gone
            }
        }

        void close() {
            serial.shutdown();
        }
    }
}
