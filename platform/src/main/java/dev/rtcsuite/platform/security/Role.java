package dev.rtcsuite.platform.security;

/** Who a caller is, as far as authorisation goes (SPEC X-5). */
public enum Role {
    /** Operators and admin scripts. */
    ADMIN,
    /** Another rtcsuite service. */
    SERVICE,
    /** The media plane: SFU edge nodes, recorders, MCU workers. */
    MEDIA,
    /** An application server, always bound to one app (SdkAppId). */
    APP
}
