package io.ticketflow.intake.email;

import io.ticketflow.events.Channel;
import io.ticketflow.events.PersonalData;
import io.ticketflow.intake.privacy.ContactVault;
import io.ticketflow.intake.submission.ChannelReceipt;
import io.ticketflow.intake.submission.ChannelSubmission;
import io.ticketflow.intake.submission.ChannelSubmissions;
import io.ticketflow.intake.submission.IdempotencyKeyReusedException;
import io.ticketflow.intake.submission.SubmissionInProgressException;
import io.ticketflow.intake.ticket.CustomerReplies;
import io.ticketflow.intake.ticket.StatusConflictException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one mail is and makes it so, through the same paths as the API: a reply to an
 * existing ticket (its number in the subject and the mail from that ticket's contact) becomes a
 * CUSTOMER reply on it; anything else becomes a new ticket with the mail's key as its
 * Idempotency-Key, so a mail seen twice is one ticket. A ticket number from another sender is a
 * new ticket: nobody writes into someone else's ticket.
 */
final class MailTriage {

    private static final Logger log = LoggerFactory.getLogger(MailTriage.class);
    private static final int MAX_REPLY = ChannelSubmissions.MAX_DESCRIPTION;

    /** What became of a mail, and so what the mailbox does with it. */
    enum Outcome {
        /** accepted (or had been): flag it \Seen */
        DONE,
        /** not now (Kafka or MongoDB failing, another poller at it): leave it unseen for the next poll */
        RETRY,
        /** never: move it to the failed folder */
        REJECTED
    }

    private final ChannelSubmissions submissions;
    private final CustomerReplies replies;
    private final ContactVault contacts;
    private final MailReceipts receipts;
    private final boolean answer;

    MailTriage(ChannelSubmissions submissions, CustomerReplies replies, ContactVault contacts, MailReceipts receipts,
            boolean answer) {
        this.submissions = submissions;
        this.replies = replies;
        this.contacts = contacts;
        this.receipts = receipts;
        this.answer = answer;
    }

    Outcome handle(InboundMail mail) {
        Optional<String> ticketNo = MailSubject.ticketNo(mail.subject());
        if (ticketNo.isPresent()) {
            Optional<String> ticketId = replies.ticketId(ticketNo.get());
            if (ticketId.isPresent() && fromContact(ticketId.get(), mail.sender())) {
                Optional<Outcome> replied = reply(mail, ticketNo.get());
                if (replied.isPresent()) {
                    return replied.get();
                }
            } else {
                log.info("ticket number in subject not this sender's ticket, new ticket referenceNo={} from={}",
                        ticketNo.get(), PersonalData.maskContact(mail.sender()));
            }
        }
        return newTicket(mail);
    }

    private boolean fromContact(String ticketId, String sender) {
        return contacts.reveal(ticketId).map(contact -> contact.strip().equalsIgnoreCase(sender)).orElse(false);
    }

    /** Empty when the ticket takes no more replies: the mail becomes a new ticket instead. */
    private Optional<Outcome> reply(InboundMail mail, String ticketNo) {
        MailReceipts.ReplyClaim claim = receipts.claimReply(mail.key(), ticketNo);
        if (claim == MailReceipts.ReplyClaim.ALREADY_DONE) {
            log.debug("reply mail already added ticketNo={}", ticketNo);
            return Optional.of(Outcome.DONE);
        }
        if (claim == MailReceipts.ReplyClaim.HELD_ELSEWHERE) {
            return Optional.of(Outcome.RETRY);
        }
        String message = replyText(mail);
        try {
            replies.reply(ticketNo, message);
        } catch (StatusConflictException closed) {
            receipts.releaseReply(mail.key());
            log.info("reply mail to a ticket that takes no replies, new ticket referenceNo={} from={}", ticketNo,
                    PersonalData.maskContact(mail.sender()));
            return Optional.empty();
        } catch (RuntimeException e) {
            receipts.releaseReply(mail.key());
            throw e;
        }
        receipts.replyAdded(mail.key());
        log.info("customer reply by mail added ticketNo={} from={}", ticketNo, PersonalData.maskContact(mail.sender()));
        return Optional.of(Outcome.DONE);
    }

    private static String replyText(InboundMail mail) {
        String text = QuotedText.newPart(mail.text());
        if (text.isBlank()) {
            text = MailSubject.withoutPrefixes(mail.subject());
        }
        String listing = ChannelSubmissions.describe(text, mail.attachments());
        return listing.length() > MAX_REPLY ? listing.substring(0, MAX_REPLY) : listing;
    }

    private Outcome newTicket(InboundMail mail) {
        Optional<String> known = receipts.ticketOf(mail.key());
        if (known.isPresent()) {
            log.info("mail seen again, no second ticket ticketNo={}", known.get());
            return Outcome.DONE;
        }
        String subject = MailSubject.withoutPrefixes(mail.subject());
        String description = mail.text().isBlank() ? subject : mail.text();
        ChannelSubmission submission = new ChannelSubmission(Channel.EMAIL, mail.sender(), subject, description,
                mail.attachments());
        ChannelReceipt receipt;
        try {
            receipt = submissions.submit(submission, mail.key());
        } catch (SubmissionInProgressException inFlight) {
            log.debug("mail being submitted by another poller key={}", PersonalData.maskText(mail.key()));
            return Outcome.RETRY;
        } catch (IdempotencyKeyReusedException otherContent) {
            log.warn("mail reuses the Message-ID of another mail, not taken from={}",
                    PersonalData.maskContact(mail.sender()));
            return Outcome.REJECTED;
        }
        receipts.ticketCreated(mail.key(), receipt.ticketId(), receipt.ticketNo(), mail.messageId(), subject,
                answer && !mail.automatic());
        if (receipt.replayed()) {
            log.info("mail seen again, no second ticket ticketNo={}", receipt.ticketNo());
        } else {
            log.info("ticket from mail ticketNo={} status={} from={} attachments={}", receipt.ticketNo(),
                    receipt.status(), PersonalData.maskContact(mail.sender()), mail.attachments().size());
        }
        return Outcome.DONE;
    }
}
