package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.base.BaseServiceRater;
import dev.rtcsuite.rating.domain.base.Presence;
import dev.rtcsuite.rating.domain.base.Subscription;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.price.EffectivePrices;
import dev.rtcsuite.rating.domain.price.PriceSource;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.valueadded.MixInput;
import dev.rtcsuite.rating.domain.valueadded.MixTranscodeRater;
import dev.rtcsuite.rating.domain.valueadded.RecorderInput;
import dev.rtcsuite.rating.domain.valueadded.RecordingRater;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The price calculator (SPEC R-8): turns a scenario into the facts the media plane, recorder and
 * MCU would report, and rates them with the same raters and prices as real usage.
 *
 * <p>Every user enters the room at the scenario start and stays for its minutes; a subscription
 * lasts while both users are present; receivers receive the sent resolution. Each (user, charge) is
 * rounded up to minutes on its own; scenario durations are whole minutes, so this equals the
 * rounding of a real bill. Prices are those in force at the scenario start.
 */
public final class CostEstimator {

    private static final String ROOM = "estimate";

    private CostEstimator() {}

    public static CostEstimate estimate(Scenario scenario, Instant start, PriceSource prices) {
        List<TimedUsage> usages = new ArrayList<>(baseService(scenario, start));
        scenario.recording()
                .ifPresent(
                        option ->
                                usages.addAll(
                                        RecordingRater.rateTask(
                                                option.type(),
                                                option.formatCount(),
                                                inputsOf(
                                                        scenario,
                                                        start,
                                                        option.userIds(),
                                                        RecorderInput::of))));
        scenario.mixing()
                .ifPresent(
                        option ->
                                usages.addAll(
                                        MixTranscodeRater.rateSession(
                                                option.outputCodec(),
                                                option.output(),
                                                inputsOf(
                                                        scenario,
                                                        start,
                                                        option.userIds(),
                                                        MixInput::new))));
        return new CostEstimate(linesOf(usages, prices.at(start)));
    }

    private static List<TimedUsage> baseService(Scenario scenario, Instant start) {
        List<Presence> presences = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (ScenarioUser receiver : scenario.users()) {
            TimeSpan present = spanOf(scenario, receiver, start);
            presences.add(new Presence(ROOM, receiver.userId(), present));
            for (ScenarioSubscription target : targetsOf(scenario, receiver)) {
                ScenarioUser sender = user(scenario, target.senderId());
                Optional<Resolution> sent = sender.sent(target.stream());
                if (sent.isPresent() && !sender.userId().equals(receiver.userId())) {
                    subscriptions.add(
                            new Subscription(
                                    ROOM,
                                    receiver.userId(),
                                    sender.userId(),
                                    target.stream(),
                                    sent.get(),
                                    present.intersection(spanOf(scenario, sender, start))));
                }
            }
        }
        return BaseServiceRater.rate(presences, subscriptions);
    }

    private static List<ScenarioSubscription> targetsOf(Scenario scenario, ScenarioUser receiver) {
        if (!receiver.subscribeAll()) {
            return receiver.subscriptions();
        }
        List<ScenarioSubscription> all = new ArrayList<>();
        for (ScenarioUser sender : scenario.users()) {
            for (StreamType stream : StreamType.values()) {
                all.add(new ScenarioSubscription(sender.userId(), stream));
            }
        }
        return all;
    }

    /** Builds a recorder or MCU input from one sent stream. */
    @FunctionalInterface
    private interface InputFactory<T> {
        T create(String userId, StreamType stream, Resolution resolution, TimeSpan span);
    }

    /** One input per stream sent by the named users (or by every user who sends). */
    private static <T> List<T> inputsOf(
            Scenario scenario, Instant start, List<String> userIds, InputFactory<T> factory) {
        List<T> inputs = new ArrayList<>();
        for (ScenarioUser user : inputUsers(scenario, userIds)) {
            for (StreamType stream : StreamType.values()) {
                user.sent(stream)
                        .ifPresent(
                                resolution ->
                                        inputs.add(
                                                factory.create(
                                                        user.userId(),
                                                        stream,
                                                        resolution,
                                                        spanOf(scenario, user, start))));
            }
        }
        return inputs;
    }

    /** The named users, or every user who sends. */
    private static List<ScenarioUser> inputUsers(Scenario scenario, List<String> userIds) {
        return userIds.isEmpty()
                ? scenario.users().stream().filter(ScenarioUser::sends).toList()
                : userIds.stream().map(id -> user(scenario, id)).toList();
    }

    private static List<EstimateLine> linesOf(List<TimedUsage> usages, EffectivePrices prices) {
        record UserCharge(String userId, ChargeKey key) {}
        Map<UserCharge, Long> seconds =
                new TreeMap<>(
                        Comparator.comparing(UserCharge::userId).thenComparing(UserCharge::key));
        usages.forEach(
                u -> seconds.merge(new UserCharge(u.subject(), u.key()), u.seconds(), Long::sum));
        return seconds.entrySet().stream()
                .map(
                        e ->
                                new EstimateLine(
                                        e.getKey().userId(),
                                        BillLine.ofSeconds(
                                                e.getKey().key(),
                                                e.getValue(),
                                                prices.quote(e.getKey().key()))))
                .toList();
    }

    private static TimeSpan spanOf(Scenario scenario, ScenarioUser user, Instant start) {
        return TimeSpan.ofSeconds(start, scenario.minutesOf(user) * 60);
    }

    private static ScenarioUser user(Scenario scenario, String userId) {
        return scenario.users().stream()
                .filter(u -> u.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario user " + userId));
    }
}
