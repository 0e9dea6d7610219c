package io.ticketflow.intake.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.intake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FormTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FormTokens tokens = new FormTokens(key(7), Duration.ofHours(2), clock);

    @Test
    void a_token_issued_here_is_accepted_for_its_purpose_and_yields_a_visible_ascii_nonce() {
        String token = tokens.issue(FormTokens.Purpose.SUBMIT);

        assertThat(tokens.verify(token, FormTokens.Purpose.SUBMIT)).hasValueSatisfying(nonce ->
                assertThat(nonce).matches("[A-Za-z0-9_-]{22}"));
        assertThat(tokens.verify(token, FormTokens.Purpose.SUBMIT)).as("the same nonce each time")
                .isEqualTo(tokens.verify(token, FormTokens.Purpose.SUBMIT));
        assertThat(tokens.verify(token, FormTokens.Purpose.STATUS)).as("a token is for one purpose").isEmpty();
    }

    @Test
    void every_form_gets_its_own_nonce() {
        String first = tokens.verify(tokens.issue(FormTokens.Purpose.SUBMIT), FormTokens.Purpose.SUBMIT).orElseThrow();
        String second = tokens.verify(tokens.issue(FormTokens.Purpose.SUBMIT), FormTokens.Purpose.SUBMIT).orElseThrow();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_token_expires_after_its_lifetime_and_one_from_the_future_is_refused() {
        String token = tokens.issue(FormTokens.Purpose.SUBMIT);

        clock.advance(Duration.ofHours(2));
        assertThat(tokens.verify(token, FormTokens.Purpose.SUBMIT)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(token, FormTokens.Purpose.SUBMIT)).isEmpty();

        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(tokens.verify(token, FormTokens.Purpose.SUBMIT)).as("issued an hour ahead").isEmpty();
    }

    @Test
    void an_altered_or_foreign_or_malformed_token_is_refused() {
        String token = tokens.issue(FormTokens.Purpose.SUBMIT);
        String later = token.replaceFirst("\\.(\\d+)\\.", ".9$1.");
        String retargeted = token.replace(".SUBMIT.", ".STATUS.");
        FormTokens elsewhere = new FormTokens(key(8), Duration.ofHours(2), clock);

        assertThat(tokens.verify(later, FormTokens.Purpose.SUBMIT)).isEmpty();
        assertThat(tokens.verify(retargeted, FormTokens.Purpose.STATUS)).isEmpty();
        assertThat(elsewhere.verify(token, FormTokens.Purpose.SUBMIT)).isEmpty();
        assertThat(tokens.verify(null, FormTokens.Purpose.SUBMIT)).isEmpty();
        assertThat(tokens.verify("", FormTokens.Purpose.SUBMIT)).isEmpty();
        assertThat(tokens.verify(token + "x", FormTokens.Purpose.SUBMIT)).isEmpty();
        assertThat(tokens.verify("<script>", FormTokens.Purpose.SUBMIT)).isEmpty();
    }

    @Test
    void the_derived_key_differs_from_the_secret_it_comes_from() {
        byte[] secret = key(9);
        assertThat(FormTokens.derive(secret)).hasSize(32).isNotEqualTo(secret);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
