package io.ticketflow.intake.submission;

import io.ticketflow.events.Channel;
import java.util.List;
import java.util.Objects;

/**
 * A submission from a channel that is not the REST API (the mailbox): the same fields a request
 * carries, already checked by the channel, plus the files the customer attached. Holds clear
 * personal data; never log it.
 */
public record ChannelSubmission(Channel channel, String contact, String subject, String description,
        List<Attachment> attachments) {

    public ChannelSubmission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(description, "description");
        attachments = List.copyOf(attachments);
    }

    /** A file that came with the submission: its name, media type and decoded size. */
    public record Attachment(String name, String contentType, long size) {

        /** An image is what a customer sends as a screenshot of a fault. */
        public boolean image() {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("image/");
        }
    }

    @Override
    public String toString() {
        return "ChannelSubmission[channel=" + channel + ", attachments=" + attachments.size() + "]";
    }
}
