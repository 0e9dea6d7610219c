package io.ticketflow.analytics.web;

import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every HTTP error as an RFC 9457 problem detail. Spring's handler already covers unknown
 * resources (404), unsupported methods and {@code ErrorResponseException}s; this adds an
 * {@code errors} list naming each bad field or parameter to the 400s.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
        String message = "must be " + expected + ", was '" + ex.getValue() + "'";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setProperty("errors", ex.getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                ex.getParameterName() + " is required");
        problem.setTitle("Missing request parameter");
        problem.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", "is required")));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(Class<?> type) {
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2031-01-01T00:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date such as 2031-01-10";
        }
        return "a valid " + type.getSimpleName();
    }
}
