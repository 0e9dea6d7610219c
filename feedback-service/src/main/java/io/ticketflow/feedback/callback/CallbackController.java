package io.ticketflow.feedback.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The callback work list for team leads. */
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackController {

    private final CallbackTasks callbacks;
    private final Clock clock;

    CallbackController(CallbackTasks callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** Callbacks, optionally of one status, soonest due first. */
    @GetMapping
    List<CallbackView> list(@RequestParam(required = false) @Nullable CallbackStatus status) {
        Instant now = clock.instant();
        return callbacks.byStatus(status).stream().map(task -> CallbackView.of(task, now)).toList();
    }

    /** A callback as the work list shows it. */
    record CallbackView(
            String callbackId,
            String ticketId,
            String ticketNo,
            String surveyId,
            int rating,
            String owner,
            CallbackStatus status,
            Instant openedAt,
            Instant dueAt,
            long secondsLeft) {

        static CallbackView of(CallbackTask task, Instant now) {
            return new CallbackView(task.callbackId(), task.ticketId(), task.ticketNo(), task.surveyId(), task.rating(),
                    task.owner(), task.status(), task.openedAt(), task.dueAt(), task.secondsLeftAt(now));
        }
    }
}
