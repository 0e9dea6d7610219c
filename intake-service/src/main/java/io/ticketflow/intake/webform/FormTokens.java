package io.ticketflow.intake.webform;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring form tokens: the web form's stand-in for a CSRF token without sessions. A
 * token names its purpose (submitting or looking up), when it was issued and a random nonce, under
 * an HMAC-SHA-256 signature. A post without a valid, unexpired token for its purpose is refused.
 * The nonce doubles as the submission's Idempotency-Key, so a double click makes one ticket.
 */
final class FormTokens {

    enum Purpose { SUBMIT, STATUS }

    private static final Pattern SHAPE = Pattern.compile("v1\\.(SUBMIT|STATUS)\\.(\\d{1,12})\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{43})");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FormTokens(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a form key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Derives the form key from another secret, so that neither use can stand in for the other. */
    static byte[] derive(byte[] secret) {
        return hmac(new SecretKeySpec(secret, "HmacSHA256"), "ticketflow-intake-web-form".getBytes(US_ASCII));
    }

    String issue(Purpose purpose) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = "v1." + purpose.name() + "." + clock.instant().getEpochSecond() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + sign(payload);
    }

    /**
     * The token's nonce if the token is genuine, meant for this purpose and not expired; empty
     * otherwise. The nonce is visible ASCII and unique per form, fit for an Idempotency-Key.
     */
    Optional<String> verify(String token, Purpose purpose) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher parts = SHAPE.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        String payload = token.substring(0, token.lastIndexOf('.'));
        if (!MessageDigest.isEqual(sign(payload).getBytes(US_ASCII), parts.group(4).getBytes(US_ASCII))) {
            return Optional.empty();
        }
        if (!parts.group(1).equals(purpose.name())) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(parts.group(2)));
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(CLOCK_SKEW)) || issued.plus(lifetime).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(parts.group(3));
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, payload.getBytes(US_ASCII)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
