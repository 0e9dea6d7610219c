package io.ticketflow.feedback.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.feedback.*} for callbacks.
 *
 * @param callbackOwner    who must call a dissatisfied customer back
 * @param callbackDeadline how long after the rating the callback is due
 */
@Validated
@ConfigurationProperties("ticketflow.feedback")
record CallbackProperties(
        @DefaultValue("team-lead") String callbackOwner,
        @DefaultValue("PT4H") Duration callbackDeadline) {

    CallbackProperties {
        if (callbackOwner.isBlank()) {
            throw new IllegalArgumentException("ticketflow.feedback.callback-owner must not be blank");
        }
        if (callbackDeadline.isNegative() || callbackDeadline.isZero()) {
            throw new IllegalArgumentException("ticketflow.feedback.callback-deadline must be positive");
        }
    }
}
