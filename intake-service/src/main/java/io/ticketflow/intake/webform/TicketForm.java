package io.ticketflow.intake.webform;

import io.ticketflow.intake.submission.FormSubmissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The web form's fields as bound from the post. Holds clear personal data; never log it. The
 * category is one of a fixed list and becomes the ticket's tag; the order id and error code hints
 * are added to the description in the words the evidence rules look for.
 */
public class TicketForm {

    /** The categories offered, each a tag the classification and routing know. */
    static final List<String> CATEGORIES = List.of("billing", "logistics", "quality", "account", "technical");
    /** Hints are identifiers, not prose. */
    private static final Pattern HINT = Pattern.compile("[A-Za-z0-9_.:/-]{1,40}");

    private String customerId;
    private String contact;
    private String subject;
    private String description;
    private String category;
    private String orderId;
    private String errorCode;

    /** Problems only the form itself can find, as field → rule code. */
    Map<String, String> formProblems() {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (blank(contact)) {
            problems.put("contact", "Required"); // the status page finds a ticket by it
        }
        if (!blank(category) && !CATEGORIES.contains(category)) {
            problems.put("category", "Unknown");
        }
        if (!blank(orderId) && !HINT.matcher(orderId.strip()).matches()) {
            problems.put("orderId", "Pattern");
        }
        if (!blank(errorCode) && !HINT.matcher(errorCode.strip()).matches()) {
            problems.put("errorCode", "Pattern");
        }
        return problems;
    }

    FormSubmissions.Form toForm() {
        StringBuilder text = new StringBuilder(description == null ? "" : description.strip());
        if (!text.isEmpty() && !blank(orderId)) {
            text.append("\n\nOrder id / 订单号: ").append(orderId.strip());
        }
        if (!text.isEmpty() && !blank(errorCode)) {
            text.append(text.indexOf("\n\n") < 0 ? "\n\n" : "\n").append("Error code / 错误码: ").append(errorCode.strip());
        }
        return new FormSubmissions.Form(customerId, contact, subject, text.toString(),
                blank(category) ? List.of() : List.of(category));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    @Override
    public String toString() {
        return "TicketForm[category=" + category + "]";
    }
}
