package io.ticketflow.feedback.survey;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's survey page behind the link: server-rendered, a plain form post, no JavaScript,
 * in Chinese or English ({@code ?lang=zh|en}). An answer is taken by the same {@link SurveyAnswers}
 * as the API, then the browser is sent back to the page, which now thanks them (post/redirect/get).
 */
@Controller
@RequestMapping("/surveys/{token}")
class SurveyPage {

    private final SurveyAnswers answers;
    private final Clock clock;

    SurveyPage(SurveyAnswers answers, Clock clock) {
        this.answers = answers;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        Survey survey;
        try {
            survey = answers.find(token);
        } catch (SurveyRefusal refusal) {
            return refused(refusal, token, model, response);
        }
        return page(survey, SurveyForm.empty(), Map.of(), model, locale);
    }

    @PostMapping
    String answer(@PathVariable String token, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String npsScore, @RequestParam(required = false) String comment, Model model,
            Locale locale, HttpServletResponse response) {
        SurveyForm form = new SurveyForm(rating, npsScore, comment);
        try {
            Map<String, String> errors = form.errors();
            if (!errors.isEmpty()) {
                Survey survey = answers.find(token);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return page(survey, form, errors, model, locale);
            }
            answers.answer(token, form.toAnswer());
        } catch (SurveyRefusal refusal) {
            return refused(refusal, token, model, response);
        }
        return "redirect:/surveys/" + token + "?lang=" + tagOf(locale);
    }

    private String page(Survey survey, SurveyForm form, Map<String, String> errors, Model model, Locale locale) {
        model.addAttribute("path", "/surveys/" + survey.token());
        model.addAttribute("ticketNo", survey.ticketNo());
        model.addAttribute("subject", survey.subject());
        model.addAttribute("summary", survey.summary());
        model.addAttribute("rating", survey.rating());
        model.addAttribute("status", survey.statusAt(clock.instant()).name());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lang", tagOf(locale));
        return "survey/page";
    }

    private static String refused(SurveyRefusal refusal, String token, Model model, HttpServletResponse response) {
        response.setStatus(refusal.getStatusCode().value());
        model.addAttribute("path", "/surveys/" + (SurveyToken.isWellFormed(token) ? token : ""));
        String type = String.valueOf(refusal.getBody().getType());
        model.addAttribute("reason", type.substring(type.lastIndexOf(':') + 1));
        return "survey/refused";
    }

    static String tagOf(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh";
    }
}
