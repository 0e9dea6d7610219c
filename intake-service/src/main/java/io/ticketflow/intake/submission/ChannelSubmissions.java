package io.ticketflow.intake.submission;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The door for channels that are not HTTP requests: the same submission path as the API
 * ({@link TicketIntake}, an idempotency key mandatory), so a mail becomes a ticket exactly as a
 * request does. The attachments are listed at the end of the description, where an agent reads
 * them, and an image counts as the screenshot a product fault needs.
 */
@Service
public class ChannelSubmissions {

    /** The same limits the API puts on a request. */
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_DESCRIPTION = 5000;

    private final TicketIntake intake;

    ChannelSubmissions(TicketIntake intake) {
        this.intake = intake;
    }

    /**
     * Accepts the submission at most once per key; returns once Kafka holds the TicketCreated.
     *
     * @throws IdempotencyKeyReusedException the key came before with another submission
     * @throws SubmissionInProgressException another attempt holds the key right now
     */
    public ChannelReceipt submit(ChannelSubmission submission, String idempotencyKey) {
        String description = describe(submission.description(), submission.attachments());
        String subject = submission.subject() == null || submission.subject().isBlank()
                ? SubmitTicketRequest.subjectFrom(description)
                : cut(submission.subject().strip(), MAX_SUBJECT);
        Submission normalised = new Submission(submission.channel(), null, blankToNull(submission.contact()), subject,
                description, List.of(), false, false);
        boolean screenshot = submission.attachments().stream().anyMatch(ChannelSubmission.Attachment::image);
        TicketIntake.Accepted accepted = intake.submit(normalised, idempotencyKey, screenshot);
        SubmissionReceipt receipt = accepted.receipt();
        return new ChannelReceipt(receipt.id(), receipt.ticketNo(), receipt.status(), accepted.replayed());
    }

    /** The text, then one line per attachment, within the API's length limit. */
    public static String describe(String text, List<ChannelSubmission.Attachment> attachments) {
        StringBuilder list = new StringBuilder();
        if (!attachments.isEmpty()) {
            list.append("\n\nAttachments / 附件:");
            for (ChannelSubmission.Attachment attachment : attachments) {
                list.append("\n- ").append(attachment.name()).append(" (")
                        .append(attachment.contentType()).append(", ").append(size(attachment.size())).append(')');
            }
        }
        String listing = cut(list.toString(), MAX_DESCRIPTION / 2);
        String body = text.strip();
        if (body.isEmpty()) {
            body = attachments.isEmpty() ? "" : "(see attachments / 见附件)";
        }
        return (cut(body, MAX_DESCRIPTION - listing.length()) + listing).strip();
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
