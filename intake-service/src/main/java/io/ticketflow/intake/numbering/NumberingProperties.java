package io.ticketflow.intake.numbering;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.numbering.*}.
 *
 * @param zone      the time zone whose calendar month a ticket number carries
 * @param blockSize how many serials one instance reserves from the monthly counter at a time;
 *                  serials left in a block are lost when the instance stops, so numbers may have gaps
 */
@Validated
@ConfigurationProperties("ticketflow.intake.numbering")
public record NumberingProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("20") int blockSize) {

    public NumberingProperties {
        if (blockSize < 1) {
            throw new IllegalArgumentException("ticketflow.intake.numbering.block-size must be at least 1");
        }
    }
}
