package io.ticketflow.routing.web;

import io.ticketflow.events.spring.EventPublishException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * RFC 9457 problem details for every error. Invalid fields come back as an {@code errors} list
 * of {@code {field, message}}; messages never echo the submitted values.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String ERRORS = "errors";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalid(errorsOf(ex.getBindingResult()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors) {
                errors.addAll(errorsOf((ParameterErrors) result));
            } else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(error(name, error.getDefaultMessage()));
                }
            }
        }
        ProblemDetail problem = invalid(errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not well-formed JSON.");
        MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            problem = invalid(List.of(error(path(mismatch.getPath()), "has a value of the wrong type or not one of the allowed values")));
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Kafka did not acknowledge in time: the caller should retry shortly. */
    @ExceptionHandler(EventPublishException.class)
    ResponseEntity<ProblemDetail> kafkaUnavailable(EventPublishException ex) {
        log.warn("event not acknowledged by Kafka, answering 503 cause={}", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event bus did not acknowledge the change; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    private static List<Map<String, String>> errorsOf(Errors result) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(error(error.getField(), error.getDefaultMessage()));
        }
        result.getGlobalErrors().forEach(error -> errors.add(error(error.getObjectName(), error.getDefaultMessage())));
        return errors;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field == null ? "" : field, "message", message == null ? "is invalid" : message);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causeOf(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
