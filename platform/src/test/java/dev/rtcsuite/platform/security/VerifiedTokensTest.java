package dev.rtcsuite.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A token verified once stays bound to its key and its expiry (SPEC X-5). */
class VerifiedTokensTest {

    private static final Instant NOW = AccessTokensTest.NOW;
    private static final KeyPair ISSUER = AccessTokensTest.ISSUER;

    private final VerifiedTokens tokens = new VerifiedTokens();
    private final Caller media =
            new Caller("sfu", Role.MEDIA, OptionalLong.empty(), NOW.plusSeconds(60));
    private final String token = AccessTokens.mint(media, ISSUER.getPrivate());

    @Test
    void aVerifiedTokenIsStillRefusedOnceItExpires() throws Exception {
        assertThat(tokens.verify(token, ISSUER.getPublic(), NOW)).isEqualTo(media);
        assertThat(tokens.verify(token, ISSUER.getPublic(), NOW.plusSeconds(59))).isEqualTo(media);

        assertThatThrownBy(() -> tokens.verify(token, ISSUER.getPublic(), NOW.plusSeconds(60)))
                .isInstanceOf(AccessTokens.InvalidToken.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenVerifiedUnderAnOldKeyIsCheckedAgainAfterTheKeyChanges() throws Exception {
        tokens.verify(token, ISSUER.getPublic(), NOW);
        KeyPair rotated = AccessTokensTest.ed25519();

        assertThatThrownBy(() -> tokens.verify(token, rotated.getPublic(), NOW))
                .isInstanceOf(AccessTokens.InvalidToken.class)
                .hasMessageContaining("bad signature");
    }

    @Test
    void aTamperedTokenIsNeverAdmittedEvenBesideAVerifiedOne() throws Exception {
        tokens.verify(token, ISSUER.getPublic(), NOW);

        assertThatThrownBy(() -> tokens.verify(token + "A", ISSUER.getPublic(), NOW))
                .isInstanceOf(AccessTokens.InvalidToken.class);
    }
}
