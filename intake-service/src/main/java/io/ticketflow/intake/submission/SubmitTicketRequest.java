package io.ticketflow.intake.submission;

import io.ticketflow.events.Channel;
import io.ticketflow.intake.web.CrossFieldChecked;
import io.ticketflow.intake.web.CrossFieldRules;
import io.ticketflow.intake.web.FieldProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/tickets}: what every channel sends. A customer id or a contact (phone or
 * email) is required so the customer can be reached.
 */
@CrossFieldRules
record SubmitTicketRequest(
        @NotNull Channel channel,
        @Size(max = 64) String customerId,
        @Size(max = 254) String contact,
        @Size(max = 200) String subject,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,50}",
                message = "must be 1 to 50 characters of a-z, 0-9 and -") String> tags,
        Boolean vip,
        Boolean escalated) implements CrossFieldChecked {

    /** How long a subject made from the description is. */
    static final int DEFAULT_SUBJECT_LENGTH = 60;

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9][0-9 ()-]{4,22}");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.[\\p{L}]{2,}");

    @Override
    public List<FieldProblem> crossFieldProblems() {
        boolean hasCustomerId = customerId != null && !customerId.isBlank();
        boolean hasContact = contact != null && !contact.isBlank();
        List<FieldProblem> problems = new ArrayList<>();
        if (!hasCustomerId && !hasContact) {
            problems.add(new FieldProblem("customerId", "a customerId or a contact is required"));
            problems.add(new FieldProblem("contact", "a customerId or a contact is required"));
        }
        if (hasContact && !isPhoneOrEmail(contact.strip())) {
            problems.add(new FieldProblem("contact", "must be a phone number or an email address"));
        }
        return problems;
    }

    Submission toSubmission() {
        String cleanDescription = description.strip();
        String cleanSubject = subject == null || subject.isBlank() ? subjectFrom(cleanDescription) : subject.strip();
        List<String> cleanTags = tags == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
        return new Submission(channel, blankToNull(customerId), blankToNull(contact), cleanSubject, cleanDescription,
                cleanTags, Boolean.TRUE.equals(vip), Boolean.TRUE.equals(escalated));
    }

    static String subjectFrom(String description) {
        String flat = description.replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= DEFAULT_SUBJECT_LENGTH) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, DEFAULT_SUBJECT_LENGTH)).strip();
    }

    private static boolean isPhoneOrEmail(String value) {
        if (EMAIL.matcher(value).matches()) {
            return true;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        return PHONE.matcher(value).matches() && digits >= 6 && digits <= 15;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SubmitTicketRequest[channel=" + channel + ", customerId=" + customerId + "]";
    }
}
