package dev.rtcsuite.rating.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Time-measured usage: during {@code span}, {@code multiplier} seconds accrue per second.
 *
 * @param subject who the usage is of: the paying receiver for base service, the input's user for
 *     recording and mix-transcode; empty for aggregated audio and padding inputs
 * @param multiplier how many times each second counts: the number of simultaneous streams of the
 *     same tier, or the number of file formats
 */
public record TimedUsage(String subject, ChargeKey key, TimeSpan span, int multiplier)
        implements Usage {

    public TimedUsage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(span, "span");
        if (!key.item().timeMeasured()) {
            throw new IllegalArgumentException(key.item() + " is not measured in time");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be ≥ 1, was " + multiplier);
        }
    }

    public static TimedUsage of(String subject, ChargeKey key, TimeSpan span) {
        return new TimedUsage(subject, key, span, 1);
    }

    /** Usage seconds: span seconds × multiplier. */
    public long seconds() {
        return span.seconds() * multiplier;
    }

    public TimedUsage withKey(ChargeKey newKey) {
        return new TimedUsage(subject, newKey, span, multiplier);
    }

    /**
     * Joins usage that continues without a gap (same subject, key and multiplier, one ending where
     * the next starts) and drops empty spans. Seconds are unchanged; output is in time order.
     */
    public static List<TimedUsage> coalesce(List<TimedUsage> usages) {
        List<TimedUsage> sorted =
                usages.stream()
                        .filter(u -> !u.span().isEmpty())
                        .sorted(Comparator.comparing((TimedUsage u) -> u.span().start()))
                        .toList();
        List<TimedUsage> open = new ArrayList<>();
        List<TimedUsage> done = new ArrayList<>();
        for (TimedUsage usage : sorted) {
            int continued = indexOfContinued(open, usage);
            if (continued >= 0) {
                TimedUsage previous = open.get(continued);
                open.set(
                        continued,
                        new TimedUsage(
                                usage.subject,
                                usage.key,
                                new TimeSpan(previous.span.start(), usage.span.end()),
                                usage.multiplier));
            } else {
                open.add(usage);
            }
            // Anything ending before this start can no longer be continued.
            for (var it = open.iterator(); it.hasNext(); ) {
                TimedUsage candidate = it.next();
                if (candidate.span.end().isBefore(usage.span.start())) {
                    done.add(candidate);
                    it.remove();
                }
            }
        }
        done.addAll(open);
        done.sort(Comparator.comparing((TimedUsage u) -> u.span().start()));
        return List.copyOf(done);
    }

    private static int indexOfContinued(List<TimedUsage> open, TimedUsage next) {
        for (int i = 0; i < open.size(); i++) {
            TimedUsage candidate = open.get(i);
            if (candidate.span.end().equals(next.span.start())
                    && candidate.subject.equals(next.subject)
                    && candidate.key.equals(next.key)
                    && candidate.multiplier == next.multiplier) {
                return i;
            }
        }
        return -1;
    }
}
