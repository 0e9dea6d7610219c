package io.ticketflow.intake.submission;

import io.ticketflow.events.Channel;
import java.util.List;

/**
 * A checked and normalised submission from any channel: trimmed, tags lower-cased and distinct,
 * the subject defaulted. Holds clear personal data; never log it.
 */
record Submission(Channel channel, String customerId, String contact, String subject, String description,
        List<String> tags, boolean vip, boolean escalated) {

    Submission {
        tags = List.copyOf(tags);
    }

    /** Text the evidence rules search. */
    String text() {
        return subject + "\n" + description;
    }

    /** A canonical form of everything the customer sent, for comparing two bodies under one Idempotency-Key. */
    String canonical() {
        return String.join("\u001f", channel.name(), String.valueOf(customerId), String.valueOf(contact), subject,
                description, String.join(",", tags), String.valueOf(vip), String.valueOf(escalated));
    }

    @Override
    public String toString() {
        return "Submission[channel=" + channel + ", customerId=" + customerId + ", tags=" + tags + ", vip=" + vip + ", escalated=" + escalated + "]";
    }
}
