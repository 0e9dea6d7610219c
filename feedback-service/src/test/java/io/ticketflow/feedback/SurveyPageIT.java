package io.ticketflow.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SurveySent;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The customer's survey page: plain HTML and form posts, as a browser without JavaScript sends them. */
class SurveyPageIT extends FeedbackScenario {

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_customer_answers_from_the_page_in_chinese_and_sees_the_thanks() {
        Ticket ticket = newTicket("付款失败，请打 13812345678");
        SurveySent survey = surveyedTicket(ticket);
        String path = "/surveys/" + tokenOf(survey);

        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("服务满意度调查").contains(ticket.ticketNo())
                .contains("付款失败，请打 138****5678").doesNotContain("13812345678")
                .contains("Reset the payment channel")
                .contains("name=\"rating\"").contains("name=\"npsScore\"").contains("name=\"comment\"");

        HttpResponse<String> posted = post(path, Map.of("rating", "2", "npsScore", "5", "comment", "太慢了", "lang", "zh"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(path + "?lang=zh"));

        RatingReceived rating = feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        assertThat(rating.rating()).isEqualTo(2);
        assertThat(rating.npsScore()).isEqualTo(5);
        assertThat(rating.comment()).isEqualTo("太慢了");
        assertThat(rating.negativeShare()).isEqualTo(0.667);

        HttpResponse<String> thanks = get(path + "?lang=zh");
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("感谢您的评价").contains("组长会尽快给您回电").doesNotContain("name=\"rating\"");
    }

    @Test
    void the_page_speaks_english_and_a_bad_form_is_shown_again_with_messages_and_changes_nothing() {
        Ticket ticket = newTicket("Login broken");
        SurveySent survey = surveyedTicket(ticket);
        String path = "/surveys/" + tokenOf(survey);

        assertThat(get(path + "?lang=en").body()).contains("How did we do?").contains("5 Very satisfied")
                .contains("href=\"/survey-assets/site.css\"");
        HttpResponse<String> css = get("/survey-assets/site.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

        HttpResponse<String> bad = post(path, Map.of("npsScore", "11", "comment", "kept text", "lang", "en"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Please choose a rating from 1 to 5.").contains("Please choose a number from 0 to 10.")
                .contains("kept text");
        assertThat(customerView(tokenOf(survey))).containsEntry("status", "SENT");

        HttpResponse<String> good = post(path, Map.of("rating", "5", "lang", "en"));
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(get(path + "?lang=en").body()).contains("Thank you for your answer.").contains("You rated us 5 of 5.");
        assertThat(feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId())).rating()).isEqualTo(5);

        // a second answer from the page is refused with a page, not a second rating
        HttpResponse<String> again = post(path, Map.of("rating", "1", "lang", "en"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already been answered");
        publish(resolved(ticket, 2));
        awaitSurvey(ticket, 2);
        assertThat(feedback.received(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()))).hasSize(1);
    }

    @Test
    void unknown_and_expired_links_show_a_page_that_says_so() {
        HttpResponse<String> unknown = get("/surveys/" + "B".repeat(43) + "?lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This survey link is not valid.");
        assertThat(get("/surveys/forged?lang=zh").statusCode()).isEqualTo(404);

        Ticket ticket = newTicket("Old one");
        publish(created(ticket));
        publish(resolved(ticket, 1, Instant.now().minus(Duration.ofDays(8))));
        SurveySent expired = awaitSurvey(ticket, 1);
        String path = "/surveys/" + tokenOf(expired);
        assertThat(get(path + "?lang=en").body()).contains("This survey has expired.").doesNotContain("name=\"rating\"");
        HttpResponse<String> late = post(path, Map.of("rating", "4", "lang", "en"));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("This survey has expired.");
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
