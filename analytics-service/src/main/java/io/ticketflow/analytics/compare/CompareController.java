package io.ticketflow.analytics.compare;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.kpi.Dimension;
import io.ticketflow.analytics.kpi.KpiFigures;
import io.ticketflow.analytics.kpi.KpiWindow;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CompareController {

    private final KpiFigures figures;

    CompareController(KpiFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "Before/after comparison of a pilot group against a baseline",
            description = "Cohorts are the tickets created in each interval; every figure comes with the counts behind it.")
    @GetMapping("/api/v1/compare")
    Comparison compare(
            @Parameter(description = "the pilot group, <dimension>:<value>, e.g. team:A") @RequestParam String group,
            @Parameter(description = "rest (default: every ticket not in the group), all, or <dimension>:<value>")
            @RequestParam(defaultValue = "rest") String baseline,
            @Parameter(description = "ISO-8601 interval start/end, e.g. 2031-01-01T00:00:00Z/2031-02-01T00:00:00Z")
            @RequestParam String before,
            @Parameter(description = "ISO-8601 interval start/end") @RequestParam String after) {
        List<Map<String, String>> errors = new ArrayList<>();
        Predicate<TicketFact> pilot = selector("group", group, errors);
        Predicate<TicketFact> base = baseline.equals("rest") ? (pilot == null ? null : pilot.negate())
                : baseline.equals("all") ? f -> true : selector("baseline", baseline, errors);
        Comparison.Interval beforeInterval = interval("before", before, errors);
        Comparison.Interval afterInterval = interval("after", after, errors);
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid comparison");
            problem.setTitle("Invalid request parameter");
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        KpiWindow b = new KpiWindow(beforeInterval.from(), beforeInterval.to());
        KpiWindow a = new KpiWindow(afterInterval.from(), afterInterval.to());
        return new Comparison(group, baseline, beforeInterval, afterInterval, Comparison.figures(
                figures.over(b, null, pilot), figures.over(a, null, pilot), figures.over(b, null, base), figures.over(a, null, base)));
    }

    private static Predicate<TicketFact> selector(String field, String text, List<Map<String, String>> errors) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            errors.add(Map.of("field", field, "message", "must be <dimension>:<value>, e.g. team:A, was '" + text + "'"));
            return null;
        }
        String dimensionName = text.substring(0, colon);
        String value = text.substring(colon + 1);
        try {
            Dimension dimension = Dimension.parse(field, dimensionName);
            return fact -> value.equals(dimension.of(fact));
        } catch (ErrorResponseException unknown) {
            errors.add(Map.of("field", field, "message", "dimension must be one of channel, type, nature, priority, "
                    + "department, team, agent, was '" + dimensionName + "'"));
            return null;
        }
    }

    private static Comparison.Interval interval(String field, String text, List<Map<String, String>> errors) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                Instant from = Instant.parse(parts[0].strip());
                Instant to = Instant.parse(parts[1].strip());
                if (!from.isAfter(to)) {
                    return new Comparison.Interval(from, to);
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(Map.of("field", field, "message",
                "must be an ISO-8601 interval start/end with start not after end, e.g. 2031-01-01T00:00:00Z/2031-02-01T00:00:00Z"));
        return null;
    }
}
