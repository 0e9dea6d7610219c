package io.ticketflow.feedback.callback;

import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.RootCauseFactor;
import io.ticketflow.feedback.web.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The callback work list for team leads, and the calls they report. */
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackController {

    private final CallbackTasks callbacks;
    private final CallbackCalls calls;
    private final Clock clock;

    CallbackController(CallbackTasks callbacks, CallbackCalls calls, Clock clock) {
        this.callbacks = callbacks;
        this.calls = calls;
        this.clock = clock;
    }

    /** Callbacks, optionally of one status and one team, soonest due first. */
    @GetMapping
    List<CallbackView> list(@RequestParam(required = false) @Nullable CallbackStatus status,
            @RequestParam(required = false) @Nullable String team) {
        Instant now = clock.instant();
        String teamFilter = team == null || team.isBlank() ? null : team.strip();
        return callbacks.find(status, teamFilter).stream().map(task -> CallbackView.of(task, now)).toList();
    }

    @GetMapping("/{callbackId}")
    CallbackView show(@PathVariable String callbackId) {
        return CallbackView.of(calls.find(callbackId), clock.instant());
    }

    /**
     * One call to the customer: reached (with root cause and outcome, which ends the task) or not
     * (the task stays open for another attempt until the attempts are used up).
     */
    @PostMapping("/{callbackId}/completion")
    CallbackView complete(@PathVariable String callbackId, @Valid @RequestBody CompletionRequest request) {
        CallbackCall call = request.toCall();
        return CallbackView.of(calls.record(callbackId, call), clock.instant());
    }

    /**
     * A callback as the work list shows it.
     *
     * @param secondsLeft whole seconds until {@code dueAt}, negative once overdue; null once completed
     */
    record CallbackView(
            String callbackId,
            String ticketId,
            String ticketNo,
            String surveyId,
            int rating,
            String owner,
            @Nullable String team,
            CallbackStatus status,
            Instant openedAt,
            Instant dueAt,
            @Nullable Long secondsLeft,
            int attempts,
            @Nullable CallbackOutcome outcome,
            @Nullable String calledBy,
            @Nullable Boolean reached,
            @Nullable RootCause rootCause,
            @Nullable RootCauseFactor factor,
            @Nullable String notes,
            @Nullable Instant completedAt) {

        static CallbackView of(CallbackTask task, Instant now) {
            return new CallbackView(task.callbackId(), task.ticketId(), task.ticketNo(), task.surveyId(), task.rating(),
                    task.owner(), task.team(), task.status(), task.openedAt(), task.dueAt(),
                    task.status() == CallbackStatus.OPEN ? task.secondsLeftAt(now) : null, task.attempts(), task.outcome(),
                    task.calledBy(), task.reached(), task.rootCause(), task.factor(), task.notes(), task.completedAt());
        }
    }

    /**
     * The body of {@code POST /api/v1/callbacks/{id}/completion}.
     *
     * @param calledBy         who called
     * @param reached          whether the customer answered
     * @param rootCause        required when reached
     * @param factor           optional 4M1E factor
     * @param notes            optional, at most 2000 characters, stored and published masked
     * @param outcome          SATISFIED or REOPEN, required when reached, absent when not
     * @param preferredAgentId optional with REOPEN: who should take the reopened ticket
     */
    record CompletionRequest(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String calledBy,
            @NotNull(message = "is required") Boolean reached,
            @Nullable RootCause rootCause,
            @Nullable RootCauseFactor factor,
            @Size(max = CallbackCall.MAX_NOTES, message = "must be at most 2000 characters") @Nullable String notes,
            @Nullable CallbackOutcome outcome,
            @Size(max = 64, message = "must be at most 64 characters") @Nullable String preferredAgentId) {

        CallbackCall toCall() {
            if (reached) {
                if (rootCause == null) {
                    throw new InvalidField("rootCause", "is required when the customer was reached; one of "
                            + List.of(RootCause.values()));
                }
                if (outcome == null || outcome == CallbackOutcome.UNREACHABLE) {
                    throw new InvalidField("outcome", "must be SATISFIED or REOPEN when the customer was reached");
                }
            } else if (outcome != null) {
                throw new InvalidField("outcome", "must be absent when the customer was not reached");
            }
            if (preferredAgentId != null && !preferredAgentId.isBlank() && outcome != CallbackOutcome.REOPEN) {
                throw new InvalidField("preferredAgentId", "goes only with outcome REOPEN");
            }
            return new CallbackCall(calledBy, reached, rootCause, factor, notes, outcome, preferredAgentId);
        }
    }
}
