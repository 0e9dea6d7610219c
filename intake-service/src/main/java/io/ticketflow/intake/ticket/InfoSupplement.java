package io.ticketflow.intake.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer sent for a ticket waiting for evidence: an order id, an error code, files
 * (screenshots), a note. The note is clear text until the event masks it.
 *
 * <p>An order id answers {@code orderId}; an error code answers {@code errorCode}; an
 * attachment answers {@code errorCode} (a screenshot of the fault) and any other kind of
 * evidence the rules may ask for. A note alone answers nothing, but is recorded.
 */
record InfoSupplement(String orderId, String errorCode, List<Attachment> attachments, String note) {

    static final String ORDER_ID = "orderId";
    static final String ERROR_CODE = "errorCode";
    static final String ATTACHMENTS = "attachments";

    InfoSupplement {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The kinds of information that arrived, in a fixed order. */
    List<String> provided() {
        List<String> provided = new ArrayList<>();
        if (orderId != null) {
            provided.add(ORDER_ID);
        }
        if (errorCode != null) {
            provided.add(ERROR_CODE);
        }
        if (!attachments.isEmpty()) {
            provided.add(ATTACHMENTS);
        }
        return List.copyOf(provided);
    }

    /** What of {@code missing} this supplement leaves missing, in the original order. */
    List<String> stillMissing(List<String> missing) {
        return missing.stream().filter(item -> !answers(item)).toList();
    }

    private boolean answers(String item) {
        if (ORDER_ID.equals(item)) {
            return orderId != null;
        }
        if (ERROR_CODE.equals(item)) {
            return errorCode != null || !attachments.isEmpty();
        }
        return !attachments.isEmpty();
    }

    /** A file the customer attached, by name and size in bytes. */
    record Attachment(String name, long size) {
    }
}
