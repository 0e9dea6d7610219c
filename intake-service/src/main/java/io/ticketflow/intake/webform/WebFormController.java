package io.ticketflow.intake.webform;

import io.ticketflow.events.spring.EventPublishException;
import jakarta.servlet.http.HttpServletResponse;
import io.ticketflow.intake.submission.FormSubmissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer web form at {@code /}: server-rendered, no JavaScript. A post goes through
 * {@link FormSubmissions}, i.e. the API's own validation and submission path, with the form
 * token's nonce as Idempotency-Key; success redirects (303) to a confirmation page, so a refresh
 * never submits twice.
 */
@Controller
class WebFormController {

    private static final Logger log = LoggerFactory.getLogger(WebFormController.class);
    private static final Pattern TICKET_NO = Pattern.compile("\\d{6}-\\d{6,}");
    private static final Pattern MISSING = Pattern.compile("[A-Za-z]{1,30}");
    private static final Duration PAUSE = Duration.ofMillis(200);

    private final FormSubmissions submissions;
    private final FormTokens tokens;
    private final WebFormProperties properties;
    private final MessageSource messages;

    WebFormController(FormSubmissions submissions, FormTokens tokens, WebFormProperties properties,
            MessageSource messages) {
        this.submissions = submissions;
        this.tokens = tokens;
        this.properties = properties;
        this.messages = messages;
    }

    @InitBinder("form")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("customerId", "contact", "subject", "description", "category", "orderId", "errorCode");
    }

    @GetMapping("/")
    String form(Model model, Locale locale) {
        return render(model, new TicketForm(), Map.of(), null, locale);
    }

    @PostMapping("/")
    Object submit(@ModelAttribute("form") TicketForm form, @RequestParam(name = "formToken", required = false) String token,
            Model model, Locale locale, HttpServletResponse response) {
        Optional<String> nonce = tokens.verify(token, FormTokens.Purpose.SUBMIT);
        if (nonce.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, form, Map.of(), "form.expired", locale);
        }
        Map<String, String> problems = new LinkedHashMap<>(form.formProblems());
        FormSubmissions.Form fields = form.toForm();
        for (FormSubmissions.Problem problem : submissions.check(fields)) {
            if (!("customerId".equals(problem.field()) && "Required".equals(problem.code()))) {
                // the form requires a contact, so "customer id or contact" is the contact's to tell
                problems.putIfAbsent("tags".equals(problem.field()) ? "category" : problem.field(), problem.code());
            }
        }
        if (!problems.isEmpty()) {
            log.debug("web form refused fields={}", problems.keySet());
            return render(model, form, problems, null, locale);
        }
        FormSubmissions.Outcome outcome = accept(fields, "web-form-" + nonce.get());
        if (outcome.kind() == FormSubmissions.Outcome.Kind.INVALID) {
            throw new IllegalStateException("a checked form was refused: " + outcome.problems());
        }
        if (outcome.kind() == FormSubmissions.Outcome.Kind.KEY_REUSED) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(model, form, Map.of(), "form.reused", locale);
        }
        if (outcome.kind() == FormSubmissions.Outcome.Kind.IN_PROGRESS) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return "webform/unavailable";
        }
        FormSubmissions.Receipt receipt = outcome.receipt();
        UriComponentsBuilder confirmation = UriComponentsBuilder.fromPath("/submitted")
                .queryParam("no", receipt.ticketNo())
                .queryParam(PageLocales.PARAMETER, PageLocales.tagOf(locale));
        receipt.missingInfo().forEach(missing -> confirmation.queryParam("missing", missing));
        RedirectView redirect = new RedirectView(confirmation.build().encode().toUriString(), true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    @GetMapping("/submitted")
    String submitted(@RequestParam(name = "no", required = false) String ticketNo,
            @RequestParam(name = "missing", required = false) List<String> missing, Model model, Locale locale,
            HttpServletResponse response) {
        if (ticketNo == null || !TICKET_NO.matcher(ticketNo).matches()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "webform/error";
        }
        model.addAttribute("ticketNo", ticketNo);
        model.addAttribute("missing", missing == null ? List.of()
                : missing.stream().filter(m -> MISSING.matcher(m).matches()).limit(10)
                        .map(m -> messages.getMessage("missing." + m, null, null, locale) != null ? "missing." + m : "missing.other")
                        .distinct().toList());
        return "webform/submitted";
    }

    /** A double click: the second post waits, within reason, for the first one's ticket. */
    private FormSubmissions.Outcome accept(FormSubmissions.Form form, String key) {
        long retries = properties.duplicatePatience().toMillis() / PAUSE.toMillis();
        FormSubmissions.Outcome outcome = submissions.submit(form, key);
        for (long retry = 0; retry < retries && outcome.kind() == FormSubmissions.Outcome.Kind.IN_PROGRESS; retry++) {
            LockSupport.parkNanos(PAUSE.toNanos());
            outcome = submissions.submit(form, key);
        }
        return outcome;
    }

    /** The most specific message for a broken rule: {@code error.<field>.<code>}, else {@code error.<code>}. */
    private String messageKey(String field, String code, Locale locale) {
        String specific = "error." + field + "." + code;
        if (messages.getMessage(specific, null, null, locale) != null) {
            return specific;
        }
        String general = "error." + code;
        return messages.getMessage(general, null, null, locale) != null ? general : "error.Invalid";
    }

    private String render(Model model, TicketForm form, Map<String, String> problems, String notice, Locale locale) {
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, messageKey(field, code, locale)));
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("categories", TicketForm.CATEGORIES);
        model.addAttribute("formToken", tokens.issue(FormTokens.Purpose.SUBMIT));
        return "webform/form";
    }

    @ExceptionHandler(EventPublishException.class)
    ModelAndView kafkaUnavailable(EventPublishException e, HttpServletResponse response) {
        log.warn("web form answered 503: {}", e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        ModelAndView page = new ModelAndView("webform/unavailable");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("web form failed: {}", e.getClass().getName(), e);
        ModelAndView page = new ModelAndView("webform/error");
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return page;
    }
}
