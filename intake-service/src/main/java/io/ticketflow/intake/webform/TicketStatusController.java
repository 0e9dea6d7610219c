package io.ticketflow.intake.webform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /status}: a customer looks a ticket up by its number and the contact used. Posted, so
 * the contact never lands in a URL or an access log; the answer for a missing ticket and for a
 * wrong contact is the same page with the same status (404).
 */
@Controller
class TicketStatusController {

    private static final Logger log = LoggerFactory.getLogger(TicketStatusController.class);
    private static final Pattern TICKET_NO = Pattern.compile("\\d{6}-\\d{6,9}");
    private static final int MAX_CONTACT = 254;

    private final TicketStatusLookup lookup;
    private final FormTokens tokens;
    private final WebFormProperties properties;

    TicketStatusController(TicketStatusLookup lookup, FormTokens tokens, WebFormProperties properties) {
        this.lookup = lookup;
        this.tokens = tokens;
        this.properties = properties;
    }

    @GetMapping("/status")
    String form(@RequestParam(name = "no", required = false) String ticketNo, Model model) {
        return render(model, ticketNo != null && TICKET_NO.matcher(ticketNo).matches() ? ticketNo : "", "", null);
    }

    @PostMapping("/status")
    String lookUp(@RequestParam(name = "ticketNo", required = false) String ticketNo,
            @RequestParam(name = "contact", required = false) String contact,
            @RequestParam(name = "formToken", required = false) String token, Model model, HttpServletResponse response) {
        String number = ticketNo == null ? "" : ticketNo.strip();
        String given = contact == null ? "" : contact.strip();
        if (tokens.verify(token, FormTokens.Purpose.STATUS).isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, cut(number, 32), cut(given, MAX_CONTACT), "form.expired");
        }
        if (number.isEmpty() || given.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, cut(number, 32), cut(given, MAX_CONTACT), "status.required");
        }
        Optional<TicketStatusLookup.CustomerTicket> ticket = TICKET_NO.matcher(number).matches()
                && given.length() <= MAX_CONTACT ? lookup.find(number, given) : Optional.empty();
        if (ticket.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return render(model, cut(number, 32), cut(given, MAX_CONTACT), "status.notFound");
        }
        model.addAttribute("ticket", ticket.get());
        model.addAttribute("zone", properties.zone());
        return "webform/status";
    }

    private String render(Model model, String ticketNo, String contact, String notice) {
        model.addAttribute("ticketNo", ticketNo);
        model.addAttribute("contact", contact);
        // switching language keeps a well-formed ticket number, never the contact
        model.addAttribute("here", TICKET_NO.matcher(ticketNo).matches() ? "/status?no=" + ticketNo : "/status");
        model.addAttribute("notice", notice);
        model.addAttribute("formToken", tokens.issue(FormTokens.Purpose.STATUS));
        return "webform/lookup";
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("status page failed: {}", e.getClass().getName(), e);
        ModelAndView page = new ModelAndView("webform/error");
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        return page;
    }
}
