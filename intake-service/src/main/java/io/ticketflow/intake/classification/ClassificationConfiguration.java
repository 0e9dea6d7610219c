package io.ticketflow.intake.classification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassificationProperties.class)
class ClassificationConfiguration {

    @Bean
    Classifier classifier(ClassificationProperties properties) {
        return new Classifier(properties);
    }
}
