package io.ticketflow.analytics.buckets;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BucketController {

    static final Set<String> DIMENSIONS = Set.of("all", "channel", "type", "nature", "priority", "department", "team",
            "agent", "tag");

    private final TimeBuckets buckets;

    BucketController(TimeBuckets buckets) {
        this.buckets = buckets;
    }

    @Operation(summary = "Hourly or daily counters per dimension value",
            description = "Buckets starting in [from, to); counters: created, resolved, assigned, reopened, transferred, "
                    + "breached, escalated, rated, ratingStars, lowRated, answersAccepted (see docs/kpis.md)")
    @GetMapping("/api/v1/buckets")
    List<TimeBuckets.Bucket> buckets(@RequestParam String period, @RequestParam(defaultValue = "all") String dimension,
            @RequestParam Instant from, @RequestParam Instant to, @RequestParam(required = false) @Nullable String value) {
        Period length = parsePeriod(period);
        if (!DIMENSIONS.contains(dimension)) {
            throw bad("dimension", "must be one of " + String.join(", ", DIMENSIONS.stream().sorted().toList())
                    + ", was '" + dimension + "'");
        }
        if (from.isAfter(to)) {
            throw bad("from", "must not be after to");
        }
        return buckets.find(length, dimension, from, to, value);
    }

    private static Period parsePeriod(String text) {
        for (Period period : Period.values()) {
            if (period.key().equals(text.toLowerCase(Locale.ROOT))) {
                return period;
            }
        }
        throw bad("period", "must be one of hour, day, was '" + text + "'");
    }

    static ErrorResponseException bad(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
