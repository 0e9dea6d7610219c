package io.ticketflow.sla.notify;

import io.ticketflow.events.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.notify.*}: e-mail to the ticket's owner and the escalation target on
 * high-priority warnings and on every escalation. The SMTP server is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param enabled            whether to send at all
 * @param from               the sender address
 * @param addressBook        person id → e-mail address; wins over the pattern
 * @param addressPattern     e-mail address of anyone not in the book, {@code {id}} replaced by the
 *                           person id, e.g. {@code {id}@example.com}; empty: only the book is used
 * @param warningPriorities  priorities whose warnings are mailed (P0 and P1)
 * @param attempts           sends tried per mail before giving up (logged as an error)
 * @param backoff            pause before the first retry, doubled for each further one
 */
@ConfigurationProperties("ticketflow.sla.notify")
public record NotifyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("sla@ticketflow.local") String from,
        Map<String, String> addressBook,
        @DefaultValue("") String addressPattern,
        @DefaultValue({"P0", "P1"}) List<Priority> warningPriorities,
        @DefaultValue("3") int attempts,
        @DefaultValue("2s") Duration backoff) {

    public NotifyProperties {
        addressBook = addressBook == null ? Map.of() : Map.copyOf(addressBook);
        warningPriorities = warningPriorities == null ? List.of() : List.copyOf(warningPriorities);
        if (attempts < 1) {
            throw new IllegalArgumentException("ticketflow.sla.notify.attempts must be at least 1");
        }
    }

    /** The address of a person, if the book or the pattern gives one. */
    public java.util.Optional<String> addressOf(String personId) {
        if (personId == null || personId.isBlank()) {
            return java.util.Optional.empty();
        }
        String booked = addressBook.get(personId);
        if (booked != null) {
            return java.util.Optional.of(booked);
        }
        if (addressPattern == null || addressPattern.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(addressPattern.replace("{id}", personId));
    }
}
