package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What operators and API clients rely on besides the business endpoints. */
class OperationsIT extends FeedbackScenario {

    @Test
    void liveness_and_readiness_are_reported() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody(JSON_OBJECT).value(health -> assertThat(health).containsEntry("status", "UP"));
        }
    }

    @Test
    void the_api_is_documented_as_openapi() {
        Map<String, Object> api = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) api.get("paths");
        assertThat(paths).containsKeys("/api/v1/surveys", "/api/v1/surveys/{token}", "/api/v1/callbacks",
                "/api/v1/callbacks/{callbackId}", "/api/v1/callbacks/{callbackId}/completion");
    }
}
