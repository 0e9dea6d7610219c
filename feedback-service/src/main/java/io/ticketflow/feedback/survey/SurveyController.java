package io.ticketflow.feedback.survey;

import io.ticketflow.feedback.survey.SurveyViews.AgentView;
import io.ticketflow.feedback.survey.SurveyViews.AnswerRequest;
import io.ticketflow.feedback.survey.SurveyViews.CustomerView;
import io.ticketflow.feedback.survey.SurveyViews.Receipt;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Surveys for agents (by ticket) and for customers (by the token in their link). */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyController {

    private final Surveys surveys;
    private final SurveyAnswers answers;
    private final Clock clock;

    SurveyController(Surveys surveys, SurveyAnswers answers, Clock clock) {
        this.surveys = surveys;
        this.answers = answers;
        this.clock = clock;
    }

    /** Every survey of a ticket, oldest resolution first. */
    @GetMapping
    List<AgentView> byTicket(@RequestParam String ticketNo) {
        Instant now = clock.instant();
        return surveys.byTicketNo(ticketNo).stream().map(s -> AgentView.of(s, now)).toList();
    }

    /** What the customer sees behind the link. */
    @GetMapping("/{token}")
    CustomerView show(@PathVariable String token) {
        return CustomerView.of(answers.find(token), clock.instant());
    }

    /** The customer's answer; one per survey. */
    @PostMapping("/{token}")
    Receipt answer(@PathVariable String token, @Valid @RequestBody AnswerRequest request) {
        return Receipt.of(answers.answer(token, request.toAnswer()));
    }
}
