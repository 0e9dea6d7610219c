package io.ticketflow.analytics.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Which tickets a KPI figure is about: those created in {@code [from, to)}. A null bound is
 * open; both null means all time.
 */
public record KpiWindow(@Nullable Instant from, @Nullable Instant to) {

    public static final KpiWindow ALL_TIME = new KpiWindow(null, null);

    public KpiWindow {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidKpiWindow("from", from, to);
        }
    }

    /** A window whose end lies before its start: answered with 400 and a problem detail. */
    public static final class InvalidKpiWindow extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        public InvalidKpiWindow(String field, Instant from, Instant to) {
            super(HttpStatus.BAD_REQUEST, problem(field, from, to), null);
        }

        private static ProblemDetail problem(String field, Instant from, Instant to) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "from (" + from + ") must not be after to (" + to + ")");
            problem.setTitle("Invalid KPI window");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "must not be after to")));
            return problem;
        }
    }
}
