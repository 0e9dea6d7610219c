package io.ticketflow.feedback.callback;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.feedback.*} for callbacks.
 *
 * @param callbackOwner    who calls a dissatisfied customer back when routing named no team lead for the ticket
 * @param callbackDeadline working time after the rating the callback is due
 * @param callbackAttempts calls that may fail to reach the customer before the task ends UNREACHABLE
 * @param workingHours     the hours the deadline counts
 */
@Validated
@ConfigurationProperties("ticketflow.feedback")
record CallbackProperties(
        @DefaultValue("team-lead") String callbackOwner,
        @DefaultValue("PT4H") Duration callbackDeadline,
        @DefaultValue("3") int callbackAttempts,
        @DefaultValue WorkingHoursProperties workingHours) {

    CallbackProperties {
        if (callbackOwner.isBlank()) {
            throw new IllegalArgumentException("ticketflow.feedback.callback-owner must not be blank");
        }
        if (callbackDeadline.isNegative() || callbackDeadline.isZero()) {
            throw new IllegalArgumentException("ticketflow.feedback.callback-deadline must be positive");
        }
        if (callbackAttempts < 1 || callbackAttempts > 20) {
            throw new IllegalArgumentException("ticketflow.feedback.callback-attempts must be 1-20");
        }
    }

    /**
     * {@code ticketflow.feedback.working-hours.*}.
     *
     * @param zone  time zone of the working day
     * @param start start of the working day
     * @param end   end of the working day
     * @param days  working days
     */
    record WorkingHoursProperties(
            @DefaultValue("Asia/Shanghai") ZoneId zone,
            @DefaultValue("09:00") LocalTime start,
            @DefaultValue("18:00") LocalTime end,
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days) {

        WorkingHoursProperties {
            new WorkingHours(zone, start, end, days); // fails start-up on an impossible calendar
        }
    }

    WorkingHours calendar() {
        return new WorkingHours(workingHours.zone(), workingHours.start(), workingHours.end(), workingHours.days());
    }
}
