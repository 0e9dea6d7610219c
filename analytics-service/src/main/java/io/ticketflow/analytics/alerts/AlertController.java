package io.ticketflow.analytics.alerts;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertController {

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "Active alerts: hot issues (tag surges) and team resolution-time anomalies, evaluated now")
    @GetMapping("/api/v1/alerts")
    List<Alert> alerts() {
        return alerts.evaluate();
    }
}
