package io.ticketflow.events.spring.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits every request body must keep before any controller of any service sees it.
 *
 * @param maxBodySize  {@code ticketflow.web.max-body-size}: a larger body is 413
 * @param maxJsonDepth {@code ticketflow.web.max-json-depth}: deeper nesting of JSON objects and arrays is 400
 */
@Validated
@ConfigurationProperties("ticketflow.web")
public record RequestLimits(
        @DefaultValue("64KB") @NotNull DataSize maxBodySize,
        @DefaultValue("16") @Min(2) @Max(1000) int maxJsonDepth) {

    public RequestLimits {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ticketflow.web.max-body-size must be between 1B and 2GB");
        }
    }
}
