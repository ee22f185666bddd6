package dev.rtcsuite.mixing.domain;

/**
 * TRTC error codes, sent in {@code ErrorInfo.metadata["trtcCode"]} so that users of TRTC's API
 * recognise the failure (proto/README.md "mixing.rtcsuite.dev"). Parameter codes follow TRTC's
 * pattern {@code InvalidParameter.<Field>} / {@code MissingParameter.<Field>} with TRTC's field
 * names.
 */
public final class TrtcCodes {

    public static final String KEY = "trtcCode";

    public static final String MIX_SESSION_NOT_EXIST = "FailedOperation.MixSessionNotExist";
    public static final String REQUEST_REJECTION = "FailedOperation.RequestRejection";
    public static final String INTERNAL_ERROR = "InternalError";

    private TrtcCodes() {}

    /** {@code InvalidParameter.<field>}, e.g. {@code InvalidParameter.VideoResolution}. */
    public static String invalid(String trtcField) {
        return "InvalidParameter." + trtcField;
    }

    /** {@code MissingParameter.<field>}, e.g. {@code MissingParameter.OutputParams}. */
    public static String missing(String trtcField) {
        return "MissingParameter." + trtcField;
    }
}
