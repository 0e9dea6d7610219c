package io.ticketflow.analytics.alerts;

import java.util.List;

/** Published (as a Spring application event) when an evaluation found a different set of active alerts. */
public record AlertsChanged(List<Alert> active) {
}
