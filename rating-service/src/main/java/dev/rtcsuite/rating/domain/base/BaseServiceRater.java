package dev.rtcsuite.rating.domain.base;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.time.Sweep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Base service (SPEC R-3): turns presence and subscription facts into audio and video usage of each
 * receiving user.
 *
 * <p>For every second a user is in a room: each subscribed stream from which the user receives a
 * picture adds a second of video at the tier of the received resolution (several add up); the user
 * adds one second of audio when receiving no picture at all, or when at least one subscribed stream
 * has no picture. Subscriptions count only while the receiver is present.
 *
 * <p>Implemented as a sweep over the boundary instants of each (room, user)'s facts; the output is
 * {@link TimedUsage} with the user as subject, so midnight and interval splits happen downstream in
 * the account's billing calendar. Decisions where the spec is silent: a user present in two rooms
 * at once is rated in each room; overlapping reports of the same presence count once; overlapping
 * reports of the same stream count once, at the larger received resolution.
 */
public final class BaseServiceRater {

    private BaseServiceRater() {}

    /** The base-service usage of every user with presence, in time order. */
    public static List<TimedUsage> rate(
            Collection<Presence> presences, Collection<Subscription> subscriptions) {
        record RoomUser(String roomId, String userId) {}
        Map<RoomUser, List<RoomFact>> factsByRoomUser =
                Stream.concat(presences.stream(), subscriptions.stream())
                        .collect(
                                Collectors.groupingBy(
                                        f -> new RoomUser(f.roomId(), f.userId()),
                                        LinkedHashMap::new,
                                        Collectors.toList()));
        List<TimedUsage> usages = new ArrayList<>();
        factsByRoomUser.forEach(
                (roomUser, facts) -> {
                    for (Sweep.Segment<RoomFact> segment : Sweep.segments(facts, RoomFact::span)) {
                        usages.addAll(usageOf(roomUser.userId(), segment));
                    }
                });
        return TimedUsage.coalesce(usages);
    }

    private static List<TimedUsage> usageOf(String userId, Sweep.Segment<RoomFact> segment) {
        boolean present = segment.active().stream().anyMatch(Presence.class::isInstance);
        if (!present) {
            return List.of();
        }
        Map<Subscription.StreamId, Resolution> received = receivedStreams(segment.active());
        Map<RatedTier, Integer> streamsPerTier = new LinkedHashMap<>();
        received.values().stream()
                .filter(Resolution::hasPicture)
                .forEach(
                        resolution ->
                                streamsPerTier.merge(RatedTier.of(resolution), 1, Integer::sum));
        boolean anyWithoutPicture = received.values().stream().anyMatch(r -> !r.hasPicture());
        if (streamsPerTier.isEmpty() || anyWithoutPicture) {
            streamsPerTier.put(RatedTier.AUDIO, 1);
        }
        return streamsPerTier.entrySet().stream()
                .map(
                        e ->
                                new TimedUsage(
                                        userId,
                                        ChargeKey.of(BillableItem.BASE_SERVICE, e.getKey()),
                                        segment.span(),
                                        e.getValue()))
                .toList();
    }

    /** One resolution per subscribed stream; duplicates keep the larger picture. */
    private static Map<Subscription.StreamId, Resolution> receivedStreams(List<RoomFact> active) {
        Map<Subscription.StreamId, Resolution> received = new HashMap<>();
        active.stream()
                .filter(Subscription.class::isInstance)
                .map(Subscription.class::cast)
                .forEach(
                        s ->
                                received.merge(
                                        s.streamId(),
                                        s.received(),
                                        (a, b) -> a.area() >= b.area() ? a : b));
        return received;
    }
}
