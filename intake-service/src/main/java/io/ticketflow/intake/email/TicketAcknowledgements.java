package io.ticketflow.intake.email;

import io.ticketflow.intake.privacy.ContactVault;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Tells a mail's sender the number of the ticket it became: subject "[202611-000123] …" so the
 * customer's reply threads back to the ticket, a short body in Chinese and English. The ticket
 * never depends on it (see {@link OwedMails} for retries).
 */
final class TicketAcknowledgements extends OwedMails {

    TicketAcknowledgements(MailReceipts receipts, ContactVault contacts, Optional<JavaMailSender> sender, String from,
            int maxAttempts, Duration backoff) {
        super(MailReceipts.Owed.ACKNOWLEDGEMENT, receipts, contacts, sender, from, maxAttempts, backoff);
    }

    @Override
    void compose(MimeMessageHelper message, MimeMessage mime, MailReceipts.OwedMail owed) throws MessagingException {
        message.setSubject(MailSubject.answering(owed.ticketNo(), owed.maskedSubject()));
        message.setText(body(owed.ticketNo()));
        // RFC 3834: an automatic answer, so well-behaved auto-responders do not answer it
        mime.setHeader("Auto-Submitted", "auto-replied");
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
