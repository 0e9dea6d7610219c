package io.ticketflow.intake.email;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail's subject says: the ticket number a reply refers to ({@code YYYYMM-NNNNNN},
 * usually as "[202611-000123]"), and the subject without "Re:"/"Fwd:"/"回复:" prefixes.
 */
final class MailSubject {

    private static final Pattern TICKET_NO = Pattern.compile("(?<![0-9])(20[0-9]{2}(?:0[1-9]|1[0-2])-[0-9]{6})(?![0-9])");
    private static final Pattern PREFIXES = Pattern.compile(
            "(?i)^(?:\\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|答复|回复|转发)\\s*(?:\\[[0-9]+\\])?\\s*[:：]\\s*)+");

    private MailSubject() {
    }

    /** The first ticket number in the subject, if any. */
    static Optional<String> ticketNo(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher matcher = TICKET_NO.matcher(subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The subject without reply and forward prefixes, whitespace collapsed. */
    static String withoutPrefixes(String subject) {
        if (subject == null) {
            return "";
        }
        return PREFIXES.matcher(subject.replaceAll("\\s+", " ").strip()).replaceFirst("").strip();
    }

    /** The subject of intake's answer: the ticket number in brackets, so the customer's reply threads back. */
    static String answering(String ticketNo, String subject) {
        String plain = withoutPrefixes(subject).replace("[" + ticketNo + "]", "").strip();
        return "[" + ticketNo + "] " + (plain.isEmpty() ? "Your request / 您的工单" : plain);
    }
}
