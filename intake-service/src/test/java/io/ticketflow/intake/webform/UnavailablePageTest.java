package io.ticketflow.intake.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.ticketflow.events.spring.EventPublishException;
import io.ticketflow.intake.MutableClock;
import io.ticketflow.intake.submission.FormSubmissions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * What the customer sees when Kafka does not confirm: the real templates and bundles, the
 * controller over MockMvc, the submission door standing in for a broker that does not answer.
 */
class UnavailablePageTest {

    @Test
    void kafka_not_confirming_is_a_friendly_503_page_asking_to_try_again() throws Exception {
        FormSubmissions submissions = mock(FormSubmissions.class);
        when(submissions.check(any())).thenReturn(List.of());
        when(submissions.submit(any(), anyString())).thenThrow(new EventPublishException("no acknowledgement", new java.util.concurrent.TimeoutException()));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        FormTokens tokens = new FormTokens(FormTokens.derive(new byte[32]), Duration.ofHours(2),
                new MutableClock(Instant.now()));
        WebFormProperties properties = new WebFormProperties(null, Duration.ofHours(2), DataSize.ofKilobytes(64),
                Duration.ofSeconds(1), ZoneId.of("Asia/Shanghai"));
        MockMvc mvc = MockMvcBuilders
                .standaloneSetup(new WebFormController(submissions, tokens, properties, messages))
                .setViewResolvers(thymeleaf(messages))
                .setLocaleResolver(new PageLocales())
                .build();

        MockHttpServletResponse english = mvc.perform(post("/").param("lang", "en")
                .param("formToken", tokens.issue(FormTokens.Purpose.SUBMIT))
                .param("contact", "13812345678").param("description", "Parcel late")).andReturn().getResponse();
        MockHttpServletResponse chinese = mvc.perform(post("/")
                .param("formToken", tokens.issue(FormTokens.Purpose.SUBMIT))
                .param("contact", "13812345678").param("description", "包裹未到")).andReturn().getResponse();

        assertThat(english.getStatus()).isEqualTo(503);
        assertThat(english.getHeader("Retry-After")).isEqualTo("5");
        assertThat(english.getContentAsString(StandardCharsets.UTF_8))
                .contains("Please try again in a moment", "will not create a second ticket")
                .doesNotContain("EventPublishException", "no acknowledgement", "13812345678");
        assertThat(chinese.getStatus()).isEqualTo(503);
        assertThat(chinese.getContentAsString(StandardCharsets.UTF_8)).contains("请稍后再试");
    }

    private static ThymeleafViewResolver thymeleaf(ResourceBundleMessageSource messages) {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        ThymeleafViewResolver resolver = new ThymeleafViewResolver();
        resolver.setTemplateEngine(engine);
        resolver.setCharacterEncoding("UTF-8");
        return resolver;
    }
}
