package dev.rtcsuite.mixing.application;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.TrtcCodes;
import dev.rtcsuite.platform.error.ServiceException;
import java.util.Map;

/** The mixing.rtcsuite.dev failures (proto/README.md), each with its TRTC code. */
public final class MixErrors {

    public static final String MIX_SESSION_NOT_FOUND = "MIX_SESSION_NOT_FOUND";
    public static final String CLIENT_MIX_CONFLICT = "CLIENT_MIX_CONFLICT";
    public static final String ACCOUNT_NOT_IN_SERVICE = "ACCOUNT_NOT_IN_SERVICE";
    public static final String APP_NOT_FOUND = "APP_NOT_FOUND";

    private MixErrors() {}

    static ServiceException noSession(long sdkAppId, Room room) {
        return ServiceException.notFound(
                MIX_SESSION_NOT_FOUND,
                "Room " + room + " of SdkAppId " + sdkAppId + " has no mix session.",
                Map.of(
                        "sdkAppId",
                        Long.toString(sdkAppId),
                        "roomId",
                        room.toString(),
                        TrtcCodes.KEY,
                        TrtcCodes.MIX_SESSION_NOT_EXIST));
    }

    static ServiceException noSession(String sessionId) {
        return ServiceException.notFound(
                MIX_SESSION_NOT_FOUND,
                "No mix session " + sessionId + " (ended sessions are kept for at least 24 h).",
                Map.of("sessionId", sessionId, TrtcCodes.KEY, TrtcCodes.MIX_SESSION_NOT_EXIST));
    }

    static ServiceException clientMix(long sdkAppId, Room room) {
        return ServiceException.failedPrecondition(
                CLIENT_MIX_CONFLICT,
                "The anchors of room "
                        + room
                        + " mix through the client SDK; stop that before mixing on the server.",
                Map.of(
                        "sdkAppId",
                        Long.toString(sdkAppId),
                        "roomId",
                        room.toString(),
                        TrtcCodes.KEY,
                        TrtcCodes.REQUEST_REJECTION));
    }

    static ServiceException notInService(long sdkAppId, String statusReason) {
        return ServiceException.failedPrecondition(
                ACCOUNT_NOT_IN_SERVICE,
                "SdkAppId " + sdkAppId + " is not in service (" + statusReason + ").",
                Map.of(
                        "sdkAppId",
                        Long.toString(sdkAppId),
                        "statusReason",
                        statusReason,
                        TrtcCodes.KEY,
                        TrtcCodes.REQUEST_REJECTION));
    }

    static ServiceException unknownApp(long sdkAppId) {
        return ServiceException.notFound(
                APP_NOT_FOUND,
                "No app with SdkAppId " + sdkAppId + ".",
                Map.of(
                        "sdkAppId",
                        Long.toString(sdkAppId),
                        TrtcCodes.KEY,
                        TrtcCodes.invalid("SdkAppId")));
    }

    static ServiceException roomUnknown(long sdkAppId, Room room) {
        return ServiceException.unavailable(
                        "recording-service",
                        "The streams of room "
                                + room
                                + " could not be read from recording-service; retry with"
                                + " back-off.")
                .withMetadata("sdkAppId", Long.toString(sdkAppId))
                .withMetadata(TrtcCodes.KEY, TrtcCodes.INTERNAL_ERROR);
    }
}
