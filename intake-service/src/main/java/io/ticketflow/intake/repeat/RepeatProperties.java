package io.ticketflow.intake.repeat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.repeats.*}: when a ticket repeats an earlier one of the same customer.
 *
 * @param similarity  least token Jaccard similarity of two subjects of the same type to count as the same issue
 * @param linkWindow  an earlier ticket younger than this is linked and flagged for quality (24 h)
 * @param countWindow earlier tickets younger than this count as repeat consultations (30 days)
 * @param orderId     how an order id is quoted; group 1 is the id
 */
@Validated
@ConfigurationProperties("ticketflow.intake.repeats")
record RepeatProperties(
        @DefaultValue("0.5") @DecimalMin("0.05") @DecimalMax("1.0") double similarity,
        @DefaultValue("24h") @NotNull Duration linkWindow,
        @DefaultValue("30d") @NotNull Duration countWindow,
        @DefaultValue("(?i)(?:order|订单)[^\\d\\n]{0,16}(\\d{4,})") @NotNull String orderId) {

    public RepeatProperties {
        try {
            Pattern compiled = Pattern.compile(orderId);
            if (compiled.matcher("").groupCount() < 1) {
                throw new IllegalArgumentException("ticketflow.intake.repeats.order-id needs a group for the id");
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("ticketflow.intake.repeats.order-id is not a valid regular expression");
        }
    }

    Pattern orderIdPattern() {
        return Pattern.compile(orderId);
    }
}
