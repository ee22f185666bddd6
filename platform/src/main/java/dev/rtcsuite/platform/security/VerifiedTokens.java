package dev.rtcsuite.platform.security;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified against the current issuer key. A caller sends the same token on every
 * call, and an Ed25519 verification costs more than many a whole RPC, so each token is verified
 * once per key; expiry is still checked on every use. Bounded: when full it starts over.
 */
final class VerifiedTokens {

    private static final int CAPACITY = 4096;

    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private volatile PublicKey verifiedWith;

    Caller verify(String token, PublicKey issuerKey, Instant now) throws AccessTokens.InvalidToken {
        if (issuerKey != verifiedWith) {
            callers.clear();
            verifiedWith = issuerKey;
        }
        Caller caller = callers.get(token);
        if (caller == null) {
            caller = AccessTokens.verify(token, issuerKey, now);
            if (callers.size() >= CAPACITY) {
                callers.clear();
            }
            callers.put(token, caller);
        } else if (!caller.expires().isAfter(now)) {
            callers.remove(token);
            throw new AccessTokens.InvalidToken("expired at " + caller.expires());
        }
        return caller;
    }
}
