package io.ticketflow.intake.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    /** The key shipped in application.yml for local runs; published, so it protects nothing. */
    static final String LOCAL_DEVELOPMENT_KEY = "D0dInMeXJ6Mkq2s/MRwKG8A7xm0aZjV+tqloRIQ+HQI=";

    @Bean
    ContactCipher contactCipher(CryptoProperties properties) {
        if (LOCAL_DEVELOPMENT_KEY.equals(properties.key().strip())) {
            log.warn("contacts are encrypted with the published local-development key; "
                    + "set TICKETFLOW_INTAKE_CRYPTO_KEY everywhere else");
        }
        return new ContactCipher(properties.keyBytes());
    }
}
