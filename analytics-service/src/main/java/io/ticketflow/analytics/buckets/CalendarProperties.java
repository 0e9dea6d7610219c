package io.ticketflow.analytics.buckets;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.analytics.calendar.*}: the time zone that days (buckets, reports, "today" on
 * the board and in the gauges) are cut in.
 *
 * @param zone e.g. {@code Asia/Shanghai}; default {@code UTC}
 */
@Validated
@ConfigurationProperties("ticketflow.analytics.calendar")
public record CalendarProperties(@DefaultValue("UTC") ZoneId zone) {

    public CalendarProperties {
        if (zone == null) {
            throw new IllegalArgumentException("ticketflow.analytics.calendar.zone must be a time zone id");
        }
    }
}
