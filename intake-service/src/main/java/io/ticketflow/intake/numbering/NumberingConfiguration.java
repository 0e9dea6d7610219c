package io.ticketflow.intake.numbering;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NumberingProperties.class)
class NumberingConfiguration {

    @Bean
    TicketNumbers ticketNumbers(MonthlyCounters counters, Clock clock, NumberingProperties properties) {
        return new TicketNumbers(counters, clock, properties);
    }
}
