package io.ticketflow.intake.email;

import io.ticketflow.intake.submission.ChannelSubmission.Attachment;
import java.util.List;

/**
 * A mail as intake reads it. Holds clear personal data; never log it.
 *
 * @param key the idempotency key: {@code email:} and the SHA-256 of the Message-ID ({@code email:raw-} and
 *     the SHA-256 of the whole mail if it has none)
 * @param messageId the Message-ID header, or null
 * @param sender the From address, lower-cased
 * @param subject the subject as sent (may be blank)
 * @param text the plain text body, or the text of the HTML body
 * @param attachments the files that came with it
 * @param automatic sent by a machine (Auto-Submitted, Precedence bulk/list/junk): never answered
 */
record InboundMail(String key, String messageId, String sender, String subject, String text,
        List<Attachment> attachments, boolean automatic) {

    InboundMail {
        attachments = List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "InboundMail[key=" + key + ", attachments=" + attachments.size() + ", automatic=" + automatic + "]";
    }
}
