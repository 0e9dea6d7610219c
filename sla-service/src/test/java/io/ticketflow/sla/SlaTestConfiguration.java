package io.ticketflow.sla;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The one test context: the service with a clock the tests move forward. Every IT imports it, so the context is shared. */
@TestConfiguration(proxyBeanMethods = false)
public class SlaTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
