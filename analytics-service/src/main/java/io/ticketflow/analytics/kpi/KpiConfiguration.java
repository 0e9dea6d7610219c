package io.ticketflow.analytics.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Keeps the KPI snapshot behind the Prometheus gauges and the board fresh. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KpiConfiguration implements SchedulingConfigurer {

    private final KpiSnapshots snapshots;
    private final KpiProperties properties;

    KpiConfiguration(KpiSnapshots snapshots, KpiProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(snapshots::refreshIfDue, properties.refreshInterval());
    }
}
