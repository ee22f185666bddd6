package dev.rtcsuite.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    /** The issuer's key pair of these tests. */
    static final class Keys {
        static final KeyPair ISSUER = ed25519();

        static String publicPem() {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        }
    }

    static final KeyPair ISSUER = Keys.ISSUER;
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void aMintedTokenVerifiesToItsCaller() throws Exception {
        Caller app =
                new Caller(
                        "acme-backend",
                        Role.APP,
                        OptionalLong.of(1400000001L),
                        NOW.plusSeconds(60));

        String token = AccessTokens.mint(app, ISSUER.getPrivate());

        assertThat(token).startsWith("rtc1.");
        assertThat(AccessTokens.verify(token, ISSUER.getPublic(), NOW)).isEqualTo(app);
    }

    @Test
    void expiredTamperedOrForeignTokensAreRefused() {
        String token =
                AccessTokens.mint(
                        new Caller("ops", Role.MEDIA, OptionalLong.empty(), NOW.plusSeconds(60)),
                        ISSUER.getPrivate());
        String[] parts = token.split("\\.");
        String asAdmin =
                parts[0]
                        + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        ("sub=ops&role=ADMIN&exp="
                                                        + NOW.plusSeconds(60).getEpochSecond())
                                                .getBytes())
                        + "."
                        + parts[2];

        assertThatThrownBy(
                        () -> AccessTokens.verify(token, ISSUER.getPublic(), NOW.plusSeconds(60)))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> AccessTokens.verify(asAdmin, ISSUER.getPublic(), NOW))
                .hasMessage("bad signature");
        assertThatThrownBy(() -> AccessTokens.verify(token, ed25519().getPublic(), NOW))
                .hasMessage("bad signature");
        assertThatThrownBy(() -> AccessTokens.verify("Bearer x", ISSUER.getPublic(), NOW))
                .hasMessage("not an rtc1 access token");
    }

    @Test
    void anAppCallerWithoutAnAppIsNotAToken() {
        assertThatThrownBy(() -> new Caller("x", Role.APP, OptionalLong.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysReadFromPem() {
        assertThat(AccessTokens.publicKey(Keys.publicPem())).isEqualTo(ISSUER.getPublic());
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
