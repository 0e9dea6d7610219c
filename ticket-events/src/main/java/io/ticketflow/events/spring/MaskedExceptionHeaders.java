package io.ticketflow.events.spring;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ticketflow.events.PersonalData;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Dead-letter exception headers without personal data: the exception's class, its cause's class
 * and a masked, shortened message. No stack trace, whose messages could carry customer data.
 */
class MaskedExceptionHeaders implements DeadLetterPublishingRecoverer.ExceptionHeadersCreator {

    private static final int MAX_MESSAGE = 500;

    @Override
    public void create(Headers headers, Exception exception, boolean isKey,
            DeadLetterPublishingRecoverer.HeaderNames names) {
        Throwable cause = rootOf(exception);
        DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        headers.add(isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), cause.getClass().getName().getBytes(UTF_8));
        if (!isKey && cause.getCause() != null) {
            headers.add(info.getExceptionCauseFqcn(), cause.getCause().getClass().getName().getBytes(UTF_8));
        }
        String message = cause.getMessage() == null ? "" : PersonalData.maskText(cause.getMessage());
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        headers.add(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(), message.getBytes(UTF_8));
    }

    private static Throwable rootOf(Exception exception) {
        Throwable t = exception;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
