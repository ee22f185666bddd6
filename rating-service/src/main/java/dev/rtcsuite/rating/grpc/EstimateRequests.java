package dev.rtcsuite.rating.grpc;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.rating.domain.estimate.MixOption;
import dev.rtcsuite.rating.domain.estimate.RecordingOption;
import dev.rtcsuite.rating.domain.estimate.Scenario;
import dev.rtcsuite.rating.domain.estimate.ScenarioSubscription;
import dev.rtcsuite.rating.domain.estimate.ScenarioUser;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.valueadded.RecordingType;
import dev.rtcsuite.rating.domain.valueadded.VideoCodec;
import dev.rtcsuite.rating.v1.EstimateCostRequest;
import dev.rtcsuite.rating.v1.EstimateSubscription;
import dev.rtcsuite.rating.v1.EstimateUser;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates an EstimateCostRequest field by field (SPEC X-1) and maps it to a {@link Scenario}. */
final class EstimateRequests {

    static final int MAX_PX = 16_384;

    private EstimateRequests() {}

    static Scenario scenario(EstimateCostRequest request) {
        FieldChecks checks = new FieldChecks();
        checks.check(
                request.getMinutes() >= 1 && request.getMinutes() <= 1_440,
                "minutes",
                "must be 1–1440 minutes, was " + request.getMinutes());
        checks.check(
                request.getUsersCount() >= 1 && request.getUsersCount() <= 50,
                "users",
                "must hold 1–50 users, held " + request.getUsersCount());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.getUsersCount(); i++) {
            EstimateUser user = request.getUsers(i);
            String path = "users[" + i + "]";
            checks.length(user.getUserId(), 1, 32, path + ".user_id");
            checks.check(
                    ids.add(user.getUserId()), path + ".user_id", "must be unique in the scenario");
            checks.check(
                    user.getMinutes() >= 0 && user.getMinutes() <= request.getMinutes(),
                    path + ".minutes",
                    "must be 0–" + request.getMinutes() + " (0 = the whole scenario)");
            resolution(checks, path + ".camera", user.getCameraWidth(), user.getCameraHeight());
            resolution(checks, path + ".screen", user.getScreenWidth(), user.getScreenHeight());
        }
        for (int i = 0; i < request.getUsersCount(); i++) {
            EstimateUser user = request.getUsers(i);
            for (int s = 0; s < user.getSubscriptionsCount(); s++) {
                EstimateSubscription subscription = user.getSubscriptions(s);
                String path = "users[" + i + "].subscriptions[" + s + "]";
                checks.check(
                        ids.contains(subscription.getSenderUserId())
                                && !subscription.getSenderUserId().equals(user.getUserId()),
                        path + ".sender_user_id",
                        "must be another user_id of the scenario");
                checks.check(
                        subscription.getStreamType() == StreamType.STREAM_TYPE_MAIN
                                || subscription.getStreamType() == StreamType.STREAM_TYPE_AUX,
                        path + ".stream_type",
                        "must be STREAM_TYPE_MAIN or STREAM_TYPE_AUX");
            }
        }
        if (request.hasRecording()) {
            var recording = request.getRecording();
            checks.check(
                    recording.getRecordingTypeValue() == 1
                            || recording.getRecordingTypeValue() == 2,
                    "recording.recording_type",
                    "must be RECORDING_TYPE_SINGLE_STREAM or RECORDING_TYPE_MIXED_STREAM");
            checks.check(
                    recording.getFormatCount() >= 1 && recording.getFormatCount() <= 4,
                    "recording.format_count",
                    "must be 1–4 file formats");
            knownUsers(checks, recording.getUserIdsList(), ids, "recording.user_ids");
        }
        if (request.hasMixing()) {
            var mixing = request.getMixing();
            checks.check(
                    mixing.getOutputCodecValue() >= 0 && mixing.getOutputCodecValue() <= 2,
                    "mixing.output_codec",
                    "must be VIDEO_CODEC_H264 or VIDEO_CODEC_H265 (unspecified = H264)");
            checks.check(
                    mixing.getOutputWidth() <= 1920 && mixing.getOutputHeight() <= 1080,
                    "mixing.output_width",
                    "output must be at most 1920 × 1080 px");
            checks.check(
                    (mixing.getOutputWidth() == 0) == (mixing.getOutputHeight() == 0),
                    "mixing.output_height",
                    "width and height are both 0 (audio-only output) or both > 0");
            knownUsers(checks, mixing.getUserIdsList(), ids, "mixing.user_ids");
        }
        checks.throwIfInvalid();
        return new Scenario(
                request.getMinutes(),
                request.getUsersList().stream().map(EstimateRequests::user).toList(),
                request.hasRecording()
                        ? Optional.of(
                                new RecordingOption(
                                        request.getRecording().getRecordingTypeValue() == 1
                                                ? RecordingType.SINGLE_STREAM
                                                : RecordingType.MIXED_STREAM,
                                        request.getRecording().getFormatCount(),
                                        request.getRecording().getUserIdsList()))
                        : Optional.empty(),
                request.hasMixing()
                        ? Optional.of(
                                new MixOption(
                                        request.getMixing().getOutputCodecValue() == 2
                                                ? VideoCodec.H265
                                                : VideoCodec.H264,
                                        Resolution.of(
                                                request.getMixing().getOutputWidth(),
                                                request.getMixing().getOutputHeight()),
                                        request.getMixing().getUserIdsList()))
                        : Optional.empty());
    }

    private static ScenarioUser user(EstimateUser user) {
        return new ScenarioUser(
                user.getUserId(),
                user.getMinutes(),
                user.getSendsAudio(),
                Resolution.of(user.getCameraWidth(), user.getCameraHeight()),
                Resolution.of(user.getScreenWidth(), user.getScreenHeight()),
                user.getSubscribeAll(),
                user.getSubscriptionsList().stream()
                        .map(
                                s ->
                                        new ScenarioSubscription(
                                                s.getSenderUserId(),
                                                s.getStreamType() == StreamType.STREAM_TYPE_AUX
                                                        ? dev.rtcsuite.rating.domain.StreamType.AUX
                                                        : dev.rtcsuite.rating.domain.StreamType
                                                                .MAIN))
                        .toList());
    }

    /** A width × height pair: each 0–16384 px, both 0 (no video) or both > 0. */
    static void resolution(FieldChecks checks, String path, int width, int height) {
        checks.check(
                Integer.compareUnsigned(width, MAX_PX) <= 0
                        && Integer.compareUnsigned(height, MAX_PX) <= 0,
                path + "_width",
                "width and height must be 0–" + MAX_PX + " px");
        checks.check(
                (width == 0) == (height == 0),
                path + "_height",
                "width and height are both 0 (no video) or both > 0");
    }

    private static void knownUsers(
            FieldChecks checks, List<String> userIds, Set<String> known, String path) {
        for (int i = 0; i < userIds.size(); i++) {
            checks.check(
                    known.contains(userIds.get(i)),
                    path + "[" + i + "]",
                    "must be a user_id of the scenario");
        }
    }
}
