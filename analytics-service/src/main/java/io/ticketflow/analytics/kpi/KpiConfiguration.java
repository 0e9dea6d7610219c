package io.ticketflow.analytics.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Keeps the all-time KPIs behind the Prometheus gauges fresh. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KpiConfiguration implements SchedulingConfigurer {

    private final AllTimeKpis allTimeKpis;
    private final KpiProperties properties;

    KpiConfiguration(AllTimeKpis allTimeKpis, KpiProperties properties) {
        this.allTimeKpis = allTimeKpis;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(allTimeKpis::refreshIfStale, properties.refreshInterval());
    }
}
