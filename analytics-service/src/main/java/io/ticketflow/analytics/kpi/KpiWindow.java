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
record KpiWindow(@Nullable Instant from, @Nullable Instant to) {

    static final KpiWindow ALL_TIME = new KpiWindow(null, null);

    KpiWindow {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidKpiWindow(from, to);
        }
    }

    /** A window whose end lies before its start: answered with 400 and a problem detail. */
    static final class InvalidKpiWindow extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        InvalidKpiWindow(Instant from, Instant to) {
            super(HttpStatus.BAD_REQUEST, problem(from, to), null);
        }

        private static ProblemDetail problem(Instant from, Instant to) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "from (" + from + ") must not be after to (" + to + ")");
            problem.setTitle("Invalid KPI window");
            problem.setProperty("errors", List.of(Map.of("field", "from", "message", "must not be after to")));
            return problem;
        }
    }
}
