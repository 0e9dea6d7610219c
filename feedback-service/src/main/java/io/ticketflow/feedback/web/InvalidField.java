package io.ticketflow.feedback.web;

import static java.util.Objects.requireNonNull;

/**
 * Bad input that only the combination of fields shows (a reached customer without a root cause):
 * answered 400 with this field named in {@code errors}, like any other invalid field.
 */
public final class InvalidField extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
