package io.ticketflow.intake.answers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Self-service: a customer asks, gets the best articles, and may say which one answered them. */
@RestController
@RequestMapping("/api/v1/answers")
class AnswerController {

    private final SelfService selfService;

    AnswerController(SelfService selfService) {
        this.selfService = selfService;
    }

    @PostMapping
    AnswerRequests.Answers ask(@Valid @RequestBody AnswerRequests.Ask ask) {
        return selfService.ask(ask);
    }

    @PostMapping("/{questionId}/acceptance")
    ResponseEntity<Void> accept(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a question id") String questionId,
            @Valid @RequestBody AnswerRequests.Acceptance acceptance) {
        selfService.accept(questionId, acceptance.articleId());
        return ResponseEntity.noContent().build();
    }
}
