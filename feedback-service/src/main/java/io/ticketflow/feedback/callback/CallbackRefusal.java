package io.ticketflow.feedback.callback;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why a callback cannot be shown or completed, as an RFC 9457 problem. */
final class CallbackRefusal extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private CallbackRefusal(HttpStatus status, String type, String title, String detail, String callbackId) {
        super(status, problem(status, type, title, detail, callbackId), null);
    }

    static CallbackRefusal unknown(String callbackId) {
        return new CallbackRefusal(HttpStatus.NOT_FOUND, "callback-not-found", "Callback not found",
                "There is no callback " + callbackId + ".", null);
    }

    static CallbackRefusal ended(CallbackTask task) {
        return new CallbackRefusal(HttpStatus.CONFLICT, "callback-completed", "Callback already completed",
                "The callback about ticket " + task.ticketNo() + " ended " + task.outcome() + " at " + task.completedAt() + ".",
                task.callbackId());
    }

    static CallbackRefusal concurrent(CallbackTask task) {
        return new CallbackRefusal(HttpStatus.CONFLICT, "callback-changed", "Callback changed meanwhile",
                "Another call was recorded for ticket " + task.ticketNo() + " at the same time; reload it and try again.",
                task.callbackId());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String callbackId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ticketflow:problem:" + type));
        problem.setTitle(title);
        if (callbackId != null) {
            problem.setProperty("callbackId", callbackId);
        }
        return problem;
    }
}
