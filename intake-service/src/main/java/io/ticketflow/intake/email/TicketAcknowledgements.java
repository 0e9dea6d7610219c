package io.ticketflow.intake.email;

import io.ticketflow.events.PersonalData;
import io.ticketflow.intake.privacy.ContactVault;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Tells a mail's sender the number of the ticket it became: subject "[202611-000123] …" so the
 * customer's reply threads back to the ticket, a short body in Chinese and English. The ticket
 * never depends on it: an acknowledgement SMTP refuses stays pending and is tried again on the
 * polls after a growing pause ({@code acknowledgement-backoff}), up to {@code acknowledgement-attempts} times, then given up with a WARN.
 */
final class TicketAcknowledgements {

    private static final Logger log = LoggerFactory.getLogger(TicketAcknowledgements.class);

    private final MailReceipts receipts;
    private final ContactVault contacts;
    private final Optional<JavaMailSender> sender;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;

    TicketAcknowledgements(MailReceipts receipts, ContactVault contacts, Optional<JavaMailSender> sender, String from,
            int maxAttempts, Duration backoff) {
        this.receipts = receipts;
        this.contacts = contacts;
        this.sender = sender;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Sends what is owed, one by one, until none is left or SMTP fails. */
    void sendPending() {
        if (sender.isEmpty()) {
            return;
        }
        int budget = 100;
        while (budget-- > 0) {
            Optional<MailReceipts.PendingAcknowledgement> next = receipts.nextAcknowledgement();
            if (next.isEmpty() || !send(next.get())) {
                return; // nothing left, or SMTP is failing: the rest waits for the next poll
            }
        }
    }

    private boolean send(MailReceipts.PendingAcknowledgement pending) {
        Optional<String> to = contacts.reveal(pending.ticketId());
        if (to.isEmpty()) {
            log.warn("acknowledgement given up, no contact ticketNo={}", pending.ticketNo());
            receipts.acknowledgementFailed(pending.key(), maxAttempts, maxAttempts, backoff);
            return true;
        }
        try {
            sender.get().send(mime -> compose(mime, to.get(), pending));
            receipts.acknowledged(pending.key());
            log.info("acknowledgement sent ticketNo={} to={}", pending.ticketNo(), PersonalData.maskContact(to.get()));
            return true;
        } catch (MailException e) {
            receipts.acknowledgementFailed(pending.key(), pending.attempts(), maxAttempts, backoff);
            if (pending.attempts() + 1 >= maxAttempts) {
                log.warn("acknowledgement given up after {} attempts ticketNo={} to={} cause={}", maxAttempts,
                        pending.ticketNo(), PersonalData.maskContact(to.get()), e.getClass().getSimpleName());
            } else {
                log.warn("acknowledgement not sent, will retry ticketNo={} to={} attempt={} cause={}",
                        pending.ticketNo(), PersonalData.maskContact(to.get()), pending.attempts() + 1,
                        e.getClass().getSimpleName());
            }
            return false;
        }
    }

    private void compose(MimeMessage mime, String to, MailReceipts.PendingAcknowledgement pending)
            throws MessagingException {
        MimeMessageHelper message = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        message.setFrom(new InternetAddress(from));
        message.setTo(new InternetAddress(to));
        message.setSubject(MailSubject.answering(pending.ticketNo(), pending.maskedSubject()));
        message.setText(body(pending.ticketNo()));
        if (pending.messageId() != null && pending.messageId().startsWith("<")) {
            mime.setHeader("In-Reply-To", pending.messageId());
            mime.setHeader("References", pending.messageId());
        }
        // RFC 3834: an automatic answer, so well-behaved auto-responders do not answer it
        mime.setHeader("Auto-Submitted", "auto-replied");
        mime.setHeader("X-Ticketflow-Ticket", pending.ticketNo());
    }

    static String body(String ticketNo) {
        return """
                您好，我们已收到您的来信，工单号为 %1$s。客服会尽快处理。
                如需补充信息，请直接回复本邮件并保留主题中的工单号。

                Hello, we have received your message; your ticket number is %1$s.
                An agent will get back to you soon. To add information, reply to this
                mail and keep the ticket number in the subject.

                -- ticketflow (automatic message / 自动回复)
                """.formatted(ticketNo);
    }
}
