package io.ticketflow.testkit;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring Boot test context at the JVM's {@link TestInfrastructure}: the broker, and a
 * database of its own so test classes never see each other's documents. Use it through
 * {@link TicketflowServiceTest}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String app = context.getEnvironment().getProperty("spring.application.name", "test");
        String database = app + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues values = TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "spring.mongodb.database=" + database);
        if (infrastructure.embeddedMongo()) {
            values = values.and("management.health.mongodb.enabled=false", "management.health.mongo.enabled=false");
        }
        values.applyTo(context);
    }
}
