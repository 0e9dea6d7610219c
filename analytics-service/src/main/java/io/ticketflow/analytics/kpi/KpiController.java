package io.ticketflow.analytics.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KpiController {

    private final KpiFigures figures;

    KpiController(KpiFigures figures) {
        this.figures = figures;
    }

    @Operation(summary = "KPIs of the tickets created in a window, optionally per group",
            description = "Every figure is defined in docs/kpis.md; a mean, percentile or ratio is null when there is nothing to average.")
    @GetMapping("/api/v1/kpis")
    Kpis kpis(
            @Parameter(description = "inclusive start, an ISO-8601 instant such as 2031-01-01T00:00:00Z; default: the beginning")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "exclusive end, an ISO-8601 instant; default: now")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "channel, type, nature, priority, department, team or agent")
            @RequestParam(required = false) String groupBy) {
        Dimension dimension = groupBy == null || groupBy.isBlank() ? null : Dimension.parse("groupBy", groupBy);
        return figures.over(new KpiWindow(from, to), dimension);
    }
}
