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
 * Sends the mail of one kind that intake owes its customers, from the receipts that record it.
 * Nothing else depends on it: a mail SMTP refuses stays owed and is tried again on later polls
 * after a growing pause ({@code acknowledgement-backoff}), up to {@code acknowledgement-attempts}
 * times, then given up with a WARN. The address is read from the contact vault only to send.
 */
abstract class OwedMails {

    private static final Logger log = LoggerFactory.getLogger(OwedMails.class);
    private static final int PER_POLL = 100;

    private final MailReceipts.Owed kind;
    private final MailReceipts receipts;
    private final ContactVault contacts;
    private final Optional<JavaMailSender> sender;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;

    OwedMails(MailReceipts.Owed kind, MailReceipts receipts, ContactVault contacts, Optional<JavaMailSender> sender,
            String from, int maxAttempts, Duration backoff) {
        this.kind = kind;
        this.receipts = receipts;
        this.contacts = contacts;
        this.sender = sender;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Why this mail must not go out any more (e.g. its link expired), or empty to send it. */
    Optional<String> obsolete(MailReceipts.OwedMail owed) {
        return Optional.empty();
    }

    /** Subject, body and headers; from, to and the thread headers are set already. */
    abstract void compose(MimeMessageHelper message, MimeMessage mime, MailReceipts.OwedMail owed) throws MessagingException;

    /** Sends what is owed, one by one, until none is left or SMTP fails. */
    void sendPending() {
        if (sender.isEmpty()) {
            return;
        }
        for (int budget = PER_POLL; budget > 0; budget--) {
            Optional<MailReceipts.OwedMail> next = receipts.next(kind);
            if (next.isEmpty() || !send(next.get())) {
                return; // nothing left, or SMTP is failing: the rest waits for the next poll
            }
        }
    }

    private boolean send(MailReceipts.OwedMail owed) {
        Optional<String> obsolete = obsolete(owed);
        if (obsolete.isPresent()) {
            log.info("{} not sent ({}) ticketNo={}", kind, obsolete.get(), owed.ticketNo());
            receipts.dropped(kind, owed.key(), obsolete.get());
            return true;
        }
        Optional<String> to = contacts.reveal(owed.ticketId());
        if (to.isEmpty()) {
            log.warn("{} given up, no contact ticketNo={}", kind, owed.ticketNo());
            receipts.dropped(kind, owed.key(), "NO_CONTACT");
            return true;
        }
        try {
            sender.get().send(mime -> {
                MimeMessageHelper message = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
                message.setFrom(new InternetAddress(from));
                message.setTo(new InternetAddress(to.get()));
                if (owed.messageId() != null && owed.messageId().startsWith("<")) {
                    mime.setHeader("In-Reply-To", owed.messageId());
                    mime.setHeader("References", owed.messageId());
                }
                compose(message, mime, owed);
                mime.setHeader("X-Ticketflow-Ticket", owed.ticketNo());
            });
            receipts.sent(kind, owed.key());
            log.info("{} sent ticketNo={} to={}", kind, owed.ticketNo(), PersonalData.maskContact(to.get()));
            return true;
        } catch (MailException e) {
            receipts.failed(kind, owed.key(), owed.attempts(), maxAttempts, backoff);
            if (owed.attempts() + 1 >= maxAttempts) {
                log.warn("{} given up after {} attempts ticketNo={} to={} cause={}", kind, maxAttempts,
                        owed.ticketNo(), PersonalData.maskContact(to.get()), e.getClass().getSimpleName());
            } else {
                log.warn("{} not sent, will retry ticketNo={} to={} attempt={} cause={}", kind,
                        owed.ticketNo(), PersonalData.maskContact(to.get()), owed.attempts() + 1,
                        e.getClass().getSimpleName());
            }
            return false;
        }
    }
}
