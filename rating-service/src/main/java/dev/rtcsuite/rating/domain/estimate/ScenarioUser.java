package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.tier.Resolution;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of a cost-estimate scenario (SPEC R-8): what the user sends and subscribes to, and how
 * long the user stays. Receivers receive what senders send.
 *
 * @param minutes minutes in the room from the scenario start; 0 = the whole scenario
 * @param camera camera resolution; {@link Resolution#NONE} = no camera
 * @param screen screen-share resolution; {@link Resolution#NONE} = no screen share
 * @param subscribeAll subscribes to every stream of every other user ({@code subscriptions} is then
 *     ignored)
 */
public record ScenarioUser(
        String userId,
        long minutes,
        boolean sendsAudio,
        Resolution camera,
        Resolution screen,
        boolean subscribeAll,
        List<ScenarioSubscription> subscriptions) {

    public ScenarioUser {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a scenario user needs an id");
        }
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must be ≥ 0, was " + minutes);
        }
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(screen, "screen");
        subscriptions = List.copyOf(subscriptions);
    }

    /** A user who stays the whole scenario and subscribes to everyone. */
    public static ScenarioUser subscribingAll(
            String userId, boolean sendsAudio, Resolution camera, Resolution screen) {
        return new ScenarioUser(userId, 0, sendsAudio, camera, screen, true, List.of());
    }

    /**
     * What the user sends on a stream: the picture's resolution ({@link Resolution#NONE} for an
     * audio-only camera stream); empty when the user sends nothing on it.
     */
    public Optional<Resolution> sent(StreamType stream) {
        return switch (stream) {
            case MAIN -> sendsAudio || camera.hasPicture() ? Optional.of(camera) : Optional.empty();
            case AUX -> screen.hasPicture() ? Optional.of(screen) : Optional.empty();
        };
    }

    /** True when the user sends audio or video. */
    public boolean sends() {
        return sent(StreamType.MAIN).isPresent() || sent(StreamType.AUX).isPresent();
    }
}
