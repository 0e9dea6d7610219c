package io.ticketflow.intake.submission;

import io.ticketflow.events.TicketType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which evidence a submission's category requires and its text lacks: an error code for a
 * product fault, an order id for a billing or logistics question. The names it returns are the
 * ticket's {@code missingInfo}.
 */
final class RequiredEvidence {

    static final String ERROR_CODE = "errorCode";
    static final String ORDER_ID = "orderId";

    private final Set<TicketType> errorCodeTypes;
    private final Pattern errorCode;
    private final Set<String> orderTags;
    private final Pattern orderId;

    RequiredEvidence(EvidenceProperties properties) {
        this.errorCodeTypes = properties.errorCodeTypes();
        this.errorCode = EvidenceProperties.compile("error-code", properties.errorCode());
        this.orderTags = properties.orderTags().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.orderId = EvidenceProperties.compile("order-id", properties.orderId());
    }

    /** The missing items, in a stable order; empty when nothing is missing. */
    List<String> missing(TicketType type, String text, List<String> tags) {
        return missing(type, text, tags, false);
    }

    /** As above; an attached screenshot shows the fault as well as an error code does. */
    List<String> missing(TicketType type, String text, List<String> tags, boolean screenshot) {
        List<String> missing = new ArrayList<>();
        if (errorCodeTypes.contains(type) && !screenshot && !errorCode.matcher(text).find()) {
            missing.add(ERROR_CODE);
        }
        if (tags.stream().anyMatch(orderTags::contains) && !orderId.matcher(text).find()) {
            missing.add(ORDER_ID);
        }
        return List.copyOf(missing);
    }
}
