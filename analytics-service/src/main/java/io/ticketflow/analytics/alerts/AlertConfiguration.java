package io.ticketflow.analytics.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Evaluates the alerts every {@code evaluation-interval} and exposes them to Prometheus:
 * {@code ticketflow_alerts_active{kind}} and {@code ticketflow_hot_issue_active{tag}} (one series
 * per tag alerting now, at most {@code max-hot-issues}; a tag that stops alerting disappears).
 */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AlertConfiguration.class);

    private final Alerts alerts;
    private final AlertProperties properties;
    private final MultiGauge hotIssues;

    AlertConfiguration(Alerts alerts, AlertProperties properties, MeterRegistry meters) {
        this.alerts = alerts;
        this.properties = properties;
        for (Alert.Kind kind : Alert.Kind.values()) {
            Gauge.builder("ticketflow.alerts.active", alerts,
                            a -> a.active().stream().filter(alert -> alert.kind() == kind).count())
                    .description("Active alerts by kind")
                    .tag("kind", kind.label())
                    .strongReference(true)
                    .register(meters);
        }
        this.hotIssues = MultiGauge.builder("ticketflow.hot.issue.active")
                .description("1 for each issue tag currently alerting as a hot issue")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::evaluate, properties.evaluationInterval());
    }

    void evaluate() {
        try {
            List<Alert> active = alerts.evaluate();
            hotIssues.register(active.stream()
                    .filter(a -> a.kind() == Alert.Kind.HOT_ISSUE)
                    .map(a -> MultiGauge.Row.of(Tags.of("tag", a.subject()), 1))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("alerts not evaluated, retrying at the next tick cause={}", e.getClass().getSimpleName());
        }
    }
}
