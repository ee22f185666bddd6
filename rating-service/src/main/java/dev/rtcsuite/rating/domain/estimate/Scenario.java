package dev.rtcsuite.rating.domain.estimate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A price-calculator scenario (SPEC R-8): users in one room from its start, and options. */
public record Scenario(
        long minutes,
        List<ScenarioUser> users,
        Optional<RecordingOption> recording,
        Optional<MixOption> mixing) {

    public Scenario {
        if (minutes < 1) {
            throw new IllegalArgumentException("a scenario lasts ≥ 1 minute, was " + minutes);
        }
        users = List.copyOf(users);
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(mixing, "mixing");
        Set<String> ids = new HashSet<>();
        for (ScenarioUser user : users) {
            if (!ids.add(user.userId())) {
                throw new IllegalArgumentException("user " + user.userId() + " appears twice");
            }
            if (user.minutes() > minutes) {
                throw new IllegalArgumentException(
                        "user " + user.userId() + " stays longer than the scenario");
            }
        }
        Stream.of(
                        users.stream()
                                .flatMap(u -> u.subscriptions().stream())
                                .map(ScenarioSubscription::senderId),
                        recording.stream().flatMap(r -> r.userIds().stream()),
                        mixing.stream().flatMap(m -> m.userIds().stream()))
                .flatMap(referenced -> referenced)
                .filter(id -> !ids.contains(id))
                .findFirst()
                .ifPresent(
                        id -> {
                            throw new IllegalArgumentException("no scenario user " + id);
                        });
    }

    /** A scenario of base service only. */
    public static Scenario of(long minutes, List<ScenarioUser> users) {
        return new Scenario(minutes, users, Optional.empty(), Optional.empty());
    }

    public Scenario withRecording(RecordingOption option) {
        return new Scenario(minutes, users, Optional.of(option), mixing);
    }

    public Scenario withMixing(MixOption option) {
        return new Scenario(minutes, users, recording, Optional.of(option));
    }

    /** Minutes the user stays: its own, or the whole scenario. */
    public long minutesOf(ScenarioUser user) {
        return user.minutes() == 0 ? minutes : user.minutes();
    }
}
