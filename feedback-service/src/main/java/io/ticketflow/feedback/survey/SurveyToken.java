package io.ticketflow.feedback.survey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The secret in a survey link. Whoever holds it may answer the survey, so it is 256 random bits
 * from a {@link SecureRandom}, never derived from ticket data, and never written to a log.
 */
final class SurveyToken {

    /** Random bytes per token. */
    static final int RANDOM_BYTES = 32;
    /** Characters of a token: 32 bytes in unpadded base64url. */
    static final int LENGTH = 43;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

    private SurveyToken() {
    }

    /** A fresh token: 32 random bytes, base64url without padding (URL-safe as it is). */
    static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Whether a string could be a token at all; anything else is answered 404 without a lookup. */
    static boolean isWellFormed(@Nullable String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
