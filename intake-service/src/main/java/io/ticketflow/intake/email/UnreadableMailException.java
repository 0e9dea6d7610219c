package io.ticketflow.intake.email;

/** A mail intake cannot turn into a ticket: broken MIME, no usable sender, nothing in it. */
class UnreadableMailException extends Exception {

    UnreadableMailException(String reason) {
        super(reason);
    }

    UnreadableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
