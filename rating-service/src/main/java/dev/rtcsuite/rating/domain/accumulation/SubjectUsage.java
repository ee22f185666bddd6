package dev.rtcsuite.rating.domain.accumulation;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.time.BillingCalendar;
import dev.rtcsuite.rating.domain.time.CalendarSlice;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seconds of one subject (user) of one charge on one billing day: the per-user view of R-3 ("output
 * per user: video seconds per tier and audio seconds") and of cost estimates.
 */
public record SubjectUsage(String subject, LocalDate billingDay, ChargeKey key, long seconds) {

    private static final Comparator<SubjectUsage> ORDER =
            Comparator.comparing(SubjectUsage::billingDay)
                    .thenComparing(SubjectUsage::subject)
                    .thenComparing(SubjectUsage::key);

    /** Sums usage per (subject, billing day, charge); a span crossing midnight is split. */
    public static List<SubjectUsage> of(Collection<TimedUsage> usages, BillingCalendar calendar) {
        record Group(String subject, LocalDate day, ChargeKey key) {}
        Map<Group, Long> seconds = new HashMap<>();
        for (TimedUsage usage : usages) {
            for (CalendarSlice slice : calendar.slice(usage.span())) {
                seconds.merge(
                        new Group(usage.subject(), slice.billingDay(), usage.key()),
                        slice.seconds() * usage.multiplier(),
                        Long::sum);
            }
        }
        return seconds.entrySet().stream()
                .map(
                        e ->
                                new SubjectUsage(
                                        e.getKey().subject(),
                                        e.getKey().day(),
                                        e.getKey().key(),
                                        e.getValue()))
                .sorted(ORDER)
                .toList();
    }

    /** Seconds per charge of one subject on one day, in charge order. */
    public static Map<ChargeKey, Long> secondsOf(
            List<SubjectUsage> usages, String subject, LocalDate billingDay) {
        Map<ChargeKey, Long> seconds = new TreeMap<>();
        usages.stream()
                .filter(u -> u.subject.equals(subject) && u.billingDay.equals(billingDay))
                .forEach(u -> seconds.merge(u.key, u.seconds, Long::sum));
        return seconds;
    }
}
