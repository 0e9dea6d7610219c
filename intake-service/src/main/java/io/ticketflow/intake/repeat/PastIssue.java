package io.ticketflow.intake.repeat;

import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;

/**
 * One ticket as the repeat check remembers it: its type, the tokens of its (masked) subject and
 * keyed fingerprints of the order ids it quoted. No clear personal data.
 */
record PastIssue(String ticketId, String ticketNo, TicketType type, List<String> subjectTokens, List<String> orderKeys,
        Instant createdAt) {

    PastIssue {
        subjectTokens = subjectTokens == null ? List.of() : List.copyOf(subjectTokens);
        orderKeys = orderKeys == null ? List.of() : List.copyOf(orderKeys);
    }
}
