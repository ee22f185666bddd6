package dev.rtcsuite.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Signed access tokens: {@code rtc1.<payload>.<signature>}, both base64url without padding. The
 * payload is {@code sub=<subject>&role=<ROLE>[&app=<sdkAppId>]&exp=<epoch seconds>}; the signature
 * is Ed25519 over the bytes of {@code rtc1.<payload>}. Services hold only the public key, so none
 * of them can mint a token; the issuer's private key stays with operators. A token can be minted
 * with OpenSSL 3 alone (see the {@code rtcsuite} script), or with {@link #mint}.
 */
public final class AccessTokens {

    private static final String VERSION = "rtc1";
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private AccessTokens() {}

    /** Why a token is refused; the message names the reason, never the token. */
    public static final class InvalidToken extends Exception {
        InvalidToken(String reason) {
            super(reason);
        }
    }

    public static String mint(Caller caller, PrivateKey issuerKey) {
        if (!SUBJECT.matcher(caller.subject()).matches()) {
            throw new IllegalArgumentException("subject: 1–64 of A–Z a–z 0–9 . _ : @ -");
        }
        StringBuilder claims =
                new StringBuilder("sub=")
                        .append(caller.subject())
                        .append("&role=")
                        .append(caller.role());
        caller.sdkAppId().ifPresent(app -> claims.append("&app=").append(app));
        claims.append("&exp=").append(caller.expires().getEpochSecond());
        String signed =
                VERSION
                        + "."
                        + ENCODER.encodeToString(
                                claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(issuerKey);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The caller of a valid, unexpired token signed by {@code issuerKey}. */
    public static Caller verify(String token, PublicKey issuerKey, Instant now)
            throws InvalidToken {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new InvalidToken("not an rtc1 access token");
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(issuerKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(DECODER.decode(parts[2]))) {
                throw new InvalidToken("bad signature");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidToken("bad signature");
        }
        Caller caller = claims(new String(decode(parts[1]), StandardCharsets.UTF_8));
        if (!caller.expires().isAfter(now)) {
            throw new InvalidToken("expired at " + caller.expires());
        }
        return caller;
    }

    private static Caller claims(String payload) throws InvalidToken {
        Map<String, String> claims = new LinkedHashMap<>();
        for (String pair : payload.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0
                    || claims.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
                throw new InvalidToken("malformed claims");
            }
        }
        String subject = Optional.ofNullable(claims.get("sub")).orElse("");
        if (!SUBJECT.matcher(subject).matches()) {
            throw new InvalidToken("malformed subject");
        }
        try {
            Role role = Role.valueOf(claims.getOrDefault("role", ""));
            OptionalLong app =
                    claims.containsKey("app")
                            ? OptionalLong.of(Long.parseLong(claims.get("app")))
                            : OptionalLong.empty();
            Instant expires = Instant.ofEpochSecond(Long.parseLong(claims.getOrDefault("exp", "")));
            return new Caller(subject, role, app, expires);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("malformed claims");
        }
    }

    private static byte[] decode(String base64url) throws InvalidToken {
        try {
            return DECODER.decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("malformed payload");
        }
    }

    /** An Ed25519 public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SPKI). */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** An Ed25519 private key from PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8). */
    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + label + " PEM block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
