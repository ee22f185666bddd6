package dev.rtcsuite.rating.domain.base;

import static dev.rtcsuite.rating.domain.RatingFixtures.CALENDAR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.rating.domain.RandomUsages;
import dev.rtcsuite.rating.domain.RatingFixtures;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.accumulation.SubjectUsage;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.time.Sweep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC R-3 as properties, over seeded random rooms (see {@link RandomUsages}). */
@DisplayName("SPEC R-3 properties: base-service seconds")
class BaseServicePropertiesTest {

    private static final String ROOM = "room";
    private static final List<String> USERS = List.of("u0", "u1", "u2", "u3");

    static IntStream seeds() {
        return RandomUsages.seeds();
    }

    /** A reported interval, with sub-second precision, not yet truncated. */
    private record Raw(Instant start, Instant end) {
        TimeSpan span() {
            return TimeSpan.between(start, end);
        }
    }

    private record RawPresence(String userId, Raw interval) {}

    private record RawSubscription(
            String receiverId,
            String senderId,
            StreamType stream,
            Resolution received,
            Raw interval) {}

    private record RawRoom(List<RawPresence> presences, List<RawSubscription> subscriptions) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName(
            "cutting presence and subscription intervals into adjacent pieces keeps the seconds")
    void cuttingIntervalsIntoAdjacentPiecesNeverChangesTheSeconds(int seed) {
        RandomUsages random = new RandomUsages(seed);
        RawRoom room = randomRoom(random);

        List<Presence> cutPresences = new ArrayList<>();
        for (RawPresence presence : room.presences()) {
            cut(random, presence.interval())
                    .forEach(piece -> cutPresences.add(presenceOf(presence, piece)));
        }
        List<Subscription> cutSubscriptions = new ArrayList<>();
        for (RawSubscription subscription : room.subscriptions()) {
            cut(random, subscription.interval())
                    .forEach(piece -> cutSubscriptions.add(subscriptionOf(subscription, piece)));
        }
        Collections.shuffle(cutPresences, random.random());
        Collections.shuffle(cutSubscriptions, random.random());

        assertThat(SubjectUsage.of(BaseServiceRater.rate(cutPresences, cutSubscriptions), CALENDAR))
                .isEqualTo(SubjectUsage.of(rateWhole(room), CALENDAR));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every present second counts, only present seconds count, audio at most once")
    void usageCoversExactlyThePresenceWithAtMostOneAudioSecond(int seed) {
        RawRoom room = randomRoom(new RandomUsages(seed));

        List<TimedUsage> usages = rateWhole(room);

        assertThat(usages)
                .filteredOn(u -> u.key().tier().equals(RatedTier.AUDIO))
                .allMatch(u -> u.multiplier() == 1);
        for (String user : USERS) {
            List<TimeSpan> present =
                    room.presences().stream()
                            .filter(p -> p.userId().equals(user))
                            .map(p -> p.interval().span())
                            .toList();
            List<TimeSpan> used =
                    usages.stream()
                            .filter(u -> u.subject().equals(user))
                            .map(TimedUsage::span)
                            .toList();
            assertThat(union(used)).isEqualTo(union(present));
        }
    }

    private static List<TimedUsage> rateWhole(RawRoom room) {
        return BaseServiceRater.rate(
                room.presences().stream().map(p -> presenceOf(p, p.interval())).toList(),
                room.subscriptions().stream().map(s -> subscriptionOf(s, s.interval())).toList());
    }

    private static RawRoom randomRoom(RandomUsages random) {
        Random r = random.random();
        List<RawPresence> presences = new ArrayList<>();
        for (String user : USERS) {
            for (int i = r.nextInt(3); i >= 0; i--) {
                presences.add(new RawPresence(user, rawInterval(r)));
            }
        }
        List<RawSubscription> subscriptions = new ArrayList<>();
        for (int i = r.nextInt(10); i >= 0; i--) {
            int receiver = r.nextInt(USERS.size());
            int sender = (receiver + 1 + r.nextInt(USERS.size() - 1)) % USERS.size();
            subscriptions.add(
                    new RawSubscription(
                            USERS.get(receiver),
                            USERS.get(sender),
                            r.nextBoolean() ? StreamType.MAIN : StreamType.AUX,
                            random.resolution(),
                            rawInterval(r)));
        }
        return new RawRoom(presences, subscriptions);
    }

    /** Up to 2 h starting in the last 3 h of the day, so that some cross midnight. */
    private static Raw rawInterval(Random r) {
        Instant start =
                RatingFixtures.at("21:00")
                        .plusSeconds(r.nextInt(10_800))
                        .plusNanos(r.nextInt(1_000_000_000));
        Instant end = start.plusSeconds(1 + r.nextInt(7_200)).plusNanos(r.nextInt(1_000_000_000));
        return new Raw(start, end);
    }

    private static List<Raw> cut(RandomUsages random, Raw raw) {
        List<Instant> points = new ArrayList<>();
        points.add(raw.start());
        points.addAll(random.cutPoints(raw.start(), raw.end(), 6));
        points.add(raw.end());
        List<Raw> pieces = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            pieces.add(new Raw(points.get(i - 1), points.get(i)));
        }
        return pieces;
    }

    private static Presence presenceOf(RawPresence presence, Raw interval) {
        return new Presence(ROOM, presence.userId(), interval.span());
    }

    private static Subscription subscriptionOf(RawSubscription subscription, Raw interval) {
        return new Subscription(
                ROOM,
                subscription.receiverId(),
                subscription.senderId(),
                subscription.stream(),
                subscription.received(),
                interval.span());
    }

    /** Seconds covered by at least one of the spans. */
    private static long union(List<TimeSpan> spans) {
        return Sweep.segments(spans, Function.identity()).stream()
                .mapToLong(s -> s.span().seconds())
                .sum();
    }
}
