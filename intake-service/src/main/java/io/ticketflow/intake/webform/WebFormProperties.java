package io.ticketflow.intake.webform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.web.*}: the customer web form and status page.
 *
 * @param formKey          base64 of at least 32 random bytes that signs form tokens; empty: derived from
 *                         {@code ticketflow.intake.crypto.key}, so a separate secret is optional
 * @param tokenLifetime    how long a form may sit in the browser before it must be reloaded
 * @param maxFormSize      the largest form body accepted; larger posts get 413
 * @param duplicatePatience how long a double-clicked submission waits for the first click's ticket
 * @param zone             the time zone the status page shows times in
 */
@Validated
@ConfigurationProperties("ticketflow.intake.web")
public record WebFormProperties(
        String formKey,
        @NotNull @DefaultValue("2h") Duration tokenLifetime,
        @NotNull @DefaultValue("64KB") DataSize maxFormSize,
        @NotNull @DefaultValue("5s") Duration duplicatePatience,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public WebFormProperties {
        if (tokenLifetime != null && (tokenLifetime.isNegative() || tokenLifetime.isZero())) {
            throw new IllegalArgumentException("ticketflow.intake.web.token-lifetime must be positive");
        }
        if (maxFormSize != null && maxFormSize.toBytes() < 1024) {
            throw new IllegalArgumentException("ticketflow.intake.web.max-form-size must be at least 1KB");
        }
    }
}
