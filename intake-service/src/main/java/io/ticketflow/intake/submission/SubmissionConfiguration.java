package io.ticketflow.intake.submission;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EvidenceProperties.class, IdempotencyProperties.class})
class SubmissionConfiguration {

    @Bean
    RequiredEvidence requiredEvidence(EvidenceProperties properties) {
        return new RequiredEvidence(properties);
    }
}
