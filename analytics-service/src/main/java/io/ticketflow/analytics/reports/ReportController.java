package io.ticketflow.analytics.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.ticketflow.analytics.buckets.CalendarProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

    private final Reports reports;
    private final CalendarProperties calendar;
    private final Clock clock;

    ReportController(Reports reports, CalendarProperties calendar, Clock clock) {
        this.reports = reports;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Operation(summary = "Daily, weekly or monthly report with the period before, top issues and worst SLA breaches")
    @GetMapping("/api/v1/reports/{period}")
    ResponseEntity<?> report(
            @Parameter(description = "daily, weekly or monthly") @PathVariable String period,
            @Parameter(description = "a day inside the period, ISO-8601 such as 2031-01-10; default: today")
            @RequestParam(required = false) LocalDate date,
            @Parameter(description = "json (default) or csv") @RequestParam(defaultValue = "json") String format) {
        ReportPeriod length = parse(period);
        String wanted = format.toLowerCase(Locale.ROOT);
        if (!wanted.equals("json") && !wanted.equals("csv")) {
            throw bad("format", "must be one of json, csv, was '" + format + "'");
        }
        LocalDate day = date != null ? date : LocalDate.ofInstant(clock.instant(), calendar.zone());
        Report report = reports.of(length, day);
        if (wanted.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ticketflow-" + length.key() + "-" + report.firstDay() + ".csv\"")
                .body(ReportCsv.of(report));
    }

    private static ReportPeriod parse(String text) {
        for (ReportPeriod period : ReportPeriod.values()) {
            if (period.key().equals(text.toLowerCase(Locale.ROOT))) {
                return period;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no report '" + text + "': daily, weekly or monthly");
        problem.setTitle("Unknown report");
        throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static ErrorResponseException bad(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
