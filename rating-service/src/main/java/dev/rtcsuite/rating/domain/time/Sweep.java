package dev.rtcsuite.rating.domain.time;

import dev.rtcsuite.rating.domain.TimeSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A sweep over boundary instants: cuts overlapping intervals into elementary segments during which
 * the set of active items does not change. The rules of are stated "for every
 * instant"; evaluating them once per elementary segment applies them exactly.
 */
public final class Sweep {

    private Sweep() {}

    /** An elementary segment and the items active throughout it (in input order). */
    public record Segment<T>(TimeSpan span, List<T> active) {}

    /** Elementary segments in time order; time when no item is active gives no segment. */
    public static <T> List<Segment<T>> segments(
            Collection<T> items, Function<? super T, TimeSpan> spanOf) {
        List<T> ordered = List.copyOf(items);
        // Per boundary instant: indexes of items starting there, and of items ending there.
        Map<Instant, List<Integer>> starts = new TreeMap<>();
        Map<Instant, List<Integer>> ends = new TreeMap<>();
        TreeSet<Instant> boundaries = new TreeSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            TimeSpan span = spanOf.apply(ordered.get(i));
            if (span.isEmpty()) {
                continue;
            }
            starts.computeIfAbsent(span.start(), k -> new ArrayList<>()).add(i);
            ends.computeIfAbsent(span.end(), k -> new ArrayList<>()).add(i);
            boundaries.add(span.start());
            boundaries.add(span.end());
        }
        List<Segment<T>> segments = new ArrayList<>();
        TreeMap<Integer, T> active = new TreeMap<>();
        Instant previous = null;
        for (Instant boundary : boundaries) {
            if (previous != null && !active.isEmpty()) {
                segments.add(
                        new Segment<>(
                                new TimeSpan(previous, boundary), List.copyOf(active.values())));
            }
            ends.getOrDefault(boundary, List.of()).forEach(active::remove);
            starts.getOrDefault(boundary, List.of()).forEach(i -> active.put(i, ordered.get(i)));
            previous = boundary;
        }
        return segments;
    }
}
