package io.ticketflow.feedback.web;

import io.ticketflow.events.PersonalData;
import io.ticketflow.events.spring.EventPublishException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as an RFC 9457 problem. Bad input is a 400 whose {@code errors} name each bad
 * field; no rejected value is echoed back, since it may be personal data.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** One bad field or parameter. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        ProblemDetail problem = badRequest("Invalid " + describe(errors) + ".", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        ProblemDetail problem = field == null
                ? badRequest("The request body is missing or is not valid JSON.", List.of())
                : badRequest("Invalid " + field + ".", List.of(new FieldProblem(field, expectation(ex))));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getParameterName();
        ProblemDetail problem = badRequest("Missing " + name + ".", List.of(new FieldProblem(name, "is required")));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String expected = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? "must be one of " + List.of(ex.getRequiredType().getEnumConstants())
                : "has the wrong type";
        ProblemDetail problem = badRequest("Invalid " + name + ".", List.of(new FieldProblem(name, expected)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** A field that is wrong only together with another one. */
    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField ex) {
        ProblemDetail problem = badRequest("Invalid " + ex.field() + ".", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Kafka did not acknowledge an event the request depends on: try again shortly. */
    @ExceptionHandler(EventPublishException.class)
    ResponseEntity<ProblemDetail> unavailable(EventPublishException ex) {
        log.warn("event not acknowledged, answering 503 cause={}", ex.getCause() == null
                ? ex.getClass().getSimpleName() : ex.getCause().getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event store is not answering. Nothing was changed; please retry.");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** Anything unforeseen: a 500 that reveals nothing; the log has the class, never the payload. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("request failed cause={} message={}", ex.getClass().getName(), PersonalData.maskText(ex.getMessage()));
        log.debug("request failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side.");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static ProblemDetail badRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String describe(List<FieldProblem> errors) {
        return String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
    }

    /** What a mismatched value should have been: an enum's values, or just "the right type". */
    private static String expectation(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    && mismatch.getTargetType().isEnum()) {
                return "must be one of " + List.of(mismatch.getTargetType().getEnumConstants());
            }
        }
        return "has the wrong type";
    }

    /** The JSON property a mismatched value was bound to, when the parser knows it. */
    private static String fieldOf(HttpMessageNotReadableException ex) {
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                String field = jackson.getPath().get(jackson.getPath().size() - 1).getPropertyName();
                if (field != null) {
                    return field;
                }
            }
        }
        return null;
    }
}
