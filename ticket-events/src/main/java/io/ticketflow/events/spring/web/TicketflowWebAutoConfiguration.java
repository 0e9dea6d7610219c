package io.ticketflow.events.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's HTTP API meets the same guard first ({@link RequestBodyGuard}): bodies over
 * {@code ticketflow.web.max-body-size} are 413; JSON that is not UTF-8, nests too deep or has
 * {@code $}/dotted keys is a 400 problem before any controller or the database sees it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@EnableConfigurationProperties(RequestLimits.class)
public class TicketflowWebAutoConfiguration {

    @Bean
    RequestBodyGuard requestBodyGuard(RequestLimits limits, JsonMapper json) {
        return new RequestBodyGuard(limits, json);
    }
}
