package io.ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.Channel;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The customer web form and status page over real HTTP, as a browser without JavaScript uses
 * them, against the real Kafka broker and MongoDB. Every scenario has its own customer and contact.
 */
@TicketflowServiceTest
class WebFormIT {

    private static final Pattern CONFIRMATION = Pattern.compile("/submitted\\?no=(\\d{6}-\\d{6,})&lang=(zh|en)(.*)");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    WebPages pages;

    @BeforeEach
    void browser() {
        pages = new WebPages(port);
    }

    // --- the form page -------------------------------------------------------------------------

    @Test
    void the_form_speaks_chinese_by_default_and_english_when_asked() {
        WebPages.Page chinese = pages.get("/");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.header("Content-Type")).startsWith("text/html").contains("UTF-8");
        assertThat(chinese.body()).contains("lang=\"zh-CN\"", "联系客服", "手机号或邮箱", "问题描述", "订单号", "账单与支付")
                .contains("name=\"formToken\"").doesNotContain("<script");

        WebPages.Page english = pages.get("/?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "Contact customer service", "Phone number or email",
                "What happened?", "Order number", "Billing and payment", "name=\"lang\" value=\"en\"");

        WebPages.Page fromBrowserLanguage = pages.get("/", Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(fromBrowserLanguage.body()).contains("Contact customer service");
        WebPages.Page chineseBrowser = pages.get("/", Map.of("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5"));
        assertThat(chineseBrowser.body()).contains("联系客服");
        WebPages.Page otherLanguage = pages.get("/", Map.of("Accept-Language", "fr-FR"));
        assertThat(otherLanguage.body()).contains("联系客服");
    }

    @Test
    void the_pages_carry_a_strict_content_security_policy_and_are_not_cached() {
        for (String path : new String[] {"/", "/status", "/submitted?no=202611-000001"}) {
            WebPages.Page page = pages.get(path);
            assertThat(page.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    // --- submitting ----------------------------------------------------------------------------

    @Test
    void a_valid_form_goes_through_the_api_path_and_redirects_to_the_ticket_number() {
        String customer = newCustomer();
        String phone = newPhone();
        WebPages.Page form = pages.get("/?lang=en");
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            WebPages.Page posted = pages.post("/", WebPages.fields(form, "lang", "en", "customerId", customer,
                    "contact", phone, "subject", "Charged twice", "category", "billing", "orderId", "20261123001",
                    "description", "I was charged twice at checkout"));

            assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
            Matcher location = CONFIRMATION.matcher(posted.header("Location"));
            assertThat(location.find()).as(posted.header("Location")).isTrue();
            String ticketNo = location.group(1);

            TicketCreated created = lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(created.channel()).isEqualTo(Channel.WEB);
            assertThat(created.customerId()).isEqualTo(customer);
            assertThat(created.tags()).containsExactly("billing");
            assertThat(created.contactMasked()).doesNotContain(phone).contains("****");
            assertThat(created.description()).contains("I was charged twice at checkout", "20261123001");
            assertThat(created.status()).as("the order id hint satisfies the billing evidence").isEqualTo(TicketStatus.NEW);

            WebPages.Page confirmation = pages.get(posted.header("Location"));
            assertThat(confirmation.status()).isEqualTo(200);
            assertThat(confirmation.body()).contains("We have your request", "id=\"ticket-no\">" + ticketNo + "<");

            // a double click (the same form posted again) gives the same ticket, not a second one
            WebPages.Page again = pages.post("/", WebPages.fields(form, "lang", "en", "customerId", customer,
                    "contact", phone, "subject", "Charged twice", "category", "billing", "orderId", "20261123001",
                    "description", "I was charged twice at checkout"));
            assertThat(again.status()).isEqualTo(303);
            assertThat(again.header("Location")).contains("no=" + ticketNo);
            assertThat(mongo.count(query(where("customerId").is(customer)), "tickets")).isEqualTo(1);
        }
    }

    @Test
    void two_clicks_at_the_same_moment_make_one_ticket_and_both_see_its_number() throws Exception {
        String customer = newCustomer();
        Map<String, String> fields = WebPages.fields(pages.get("/?lang=en"), "lang", "en", "customerId", customer,
                "contact", newPhone(), "description", "Please add an invoice download, it would help");

        CompletableFuture<WebPages.Page> first = CompletableFuture.supplyAsync(() -> pages.post("/", fields));
        CompletableFuture<WebPages.Page> second = CompletableFuture.supplyAsync(() -> pages.post("/", fields));

        WebPages.Page one = first.get(60, TimeUnit.SECONDS);
        WebPages.Page other = second.get(60, TimeUnit.SECONDS);
        assertThat(one.status()).as(one.toString()).isEqualTo(303);
        assertThat(other.status()).as(other.toString()).isEqualTo(303);
        assertThat(other.header("Location")).isEqualTo(one.header("Location"));
        assertThat(mongo.count(query(where("customerId").is(customer)), "tickets")).isEqualTo(1);
    }

    @Test
    void a_ticket_missing_evidence_is_accepted_and_the_confirmation_says_what_is_needed() {
        String customer = newCustomer();
        WebPages.Page form = pages.get("/?lang=zh");
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            WebPages.Page posted = pages.post("/", WebPages.fields(form, "lang", "zh", "customerId", customer,
                    "contact", "web-" + UUID.randomUUID() + "@example.com", "category", "technical",
                    "description", "App 闪退，无法打开订单页面"));

            assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
            Matcher location = CONFIRMATION.matcher(posted.header("Location"));
            assertThat(location.find()).isTrue();
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(location.group(1)));
            assertThat(created.status()).isEqualTo(TicketStatus.NEEDS_INFO);
            assertThat(created.missingInfo()).contains("errorCode");

            WebPages.Page confirmation = pages.get(posted.header("Location"));
            assertThat(confirmation.body()).contains("我们已收到您的请求", location.group(1), "错误码或错误截图");
        }
    }

    @Test
    void an_invalid_form_comes_back_with_the_input_kept_escaped_and_messages_per_field_and_nothing_published() {
        String customer = newCustomer();
        WebPages.Page form = pages.get("/?lang=en");
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            WebPages.Page refused = pages.post("/", WebPages.fields(form, "lang", "en", "customerId", customer,
                    "contact", "not a phone", "subject", "<script>alert('x')</script>", "category", "no-such",
                    "description", "   "));

            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body())
                    .contains("Some fields need your attention")
                    .contains("Please enter a phone number or an email address.")
                    .contains("Please describe what happened.")
                    .contains("Please choose from the list.")
                    .contains("value=\"not a phone\"", "value=\"" + customer + "\"")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    .doesNotContain("<script>");

            WebPages.Page chinese = pages.post("/", WebPages.fields(pages.get("/"), "lang", "zh", "customerId", customer,
                    "contact", "", "description", "x".repeat(5001)));
            assertThat(chinese.status()).isEqualTo(200);
            assertThat(chinese.body()).contains("请填写此项。", "最多 5000 个字符");

            // a good submission after the bad ones: once it is on Kafka, nothing of the bad ones is
            String sentinel = newCustomer();
            WebPages.Page good = pages.post("/", WebPages.fields(pages.get("/"), "customerId", sentinel,
                    "contact", newPhone(), "description", "Please add a dark mode, it would help"));
            assertThat(good.status()).isEqualTo(303);
            lifecycle.await(TicketCreated.class, e -> sentinel.equals(e.customerId()));
            assertThat(lifecycle.received(TicketCreated.class, e -> customer.equals(e.customerId()))).isEmpty();
            assertThat(mongo.count(query(where("customerId").is(customer)), "tickets")).isZero();
        }
    }

    @Test
    void a_post_without_a_genuine_token_creates_nothing_and_asks_to_submit_again() {
        String customer = newCustomer();
        WebPages.Page form = pages.get("/?lang=en");
        String forged = form.formToken().substring(0, form.formToken().length() - 2) + "AA";
        Map<String, String> fields = Map.of("formToken", forged, "lang", "en", "customerId", customer,
                "contact", newPhone(), "description", "Payment fails with error E1001");

        WebPages.Page refused = pages.post("/", fields);
        WebPages.Page without = pages.post("/", Map.of("lang", "en", "customerId", customer,
                "contact", newPhone(), "description", "Payment fails with error E1001"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("This form has expired or could not be verified", "value=\"" + customer + "\"");
        assertThat(without.status()).isEqualTo(400);
        // a status-page token is no submission token either
        WebPages.Page statusToken = pages.post("/", WebPages.fields(pages.get("/status"), "customerId", customer,
                "contact", newPhone(), "description", "Payment fails with error E1001"));
        assertThat(statusToken.status()).isEqualTo(400);
        assertThat(mongo.count(query(where("customerId").is(customer)), "tickets")).isZero();
    }

    @Test
    void an_oversized_form_is_refused_with_413() {
        WebPages.Page form = pages.get("/");
        WebPages.Page refused = pages.post("/", WebPages.fields(form, "contact", newPhone(),
                "description", "x".repeat(70 * 1024)));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).doesNotContain("Exception", "at io.ticketflow");
    }

    // --- the status page -----------------------------------------------------------------------

    @Test
    void the_status_page_shows_the_ticket_only_to_whoever_knows_number_and_contact() {
        String email = "Status-" + UUID.randomUUID() + "@Example.com";
        WebPages.Page form = pages.get("/?lang=en");
        WebPages.Page posted = pages.post("/", WebPages.fields(form, "lang", "en", "contact", email,
                "subject", "Parcel late", "category", "logistics", "orderId", "20261123777",
                "description", "My parcel has not arrived"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        Matcher location = CONFIRMATION.matcher(posted.header("Location"));
        assertThat(location.find()).isTrue();
        String ticketNo = location.group(1);

        WebPages.Page lookup = pages.get("/status?lang=en&no=" + ticketNo);
        assertThat(lookup.body()).contains("value=\"" + ticketNo + "\"");
        WebPages.Page found = pages.post("/status", WebPages.fields(lookup, "lang", "en", "ticketNo", ticketNo,
                "contact", email.toLowerCase(java.util.Locale.ROOT)));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.body()).contains(ticketNo, "data-status=\"NEW\"", "Received", "Normal (P2)",
                "Waiting for an agent", "Request received").doesNotContain(email, email.toLowerCase(java.util.Locale.ROOT));

        String wrongContact = "someone-else@example.com";
        WebPages.Page wrong = pages.post("/status", WebPages.fields(pages.get("/status?lang=en"), "lang", "en",
                "ticketNo", ticketNo, "contact", wrongContact));
        String missingNo = "209912-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        WebPages.Page missing = pages.post("/status", WebPages.fields(pages.get("/status?lang=en"), "lang", "en",
                "ticketNo", missingNo, "contact", wrongContact));

        assertThat(wrong.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(wrong.body()).contains("We found no ticket with this number and contact").doesNotContain("data-status");
        assertThat(comparable(wrong, ticketNo)).as("a wrong contact looks exactly like a missing ticket")
                .isEqualTo(comparable(missing, missingNo));
    }

    /** The page with what legitimately differs (the fresh token and the number typed) blanked out. */
    private static String comparable(WebPages.Page page, String ticketNo) {
        return page.body().replace(page.formToken(), "TOKEN")
                .replace("value=\"" + ticketNo + "\"", "value=\"NUMBER\"")
                .replace("no=" + ticketNo, "no=NUMBER");
    }

    private static String newCustomer() {
        return "web-" + UUID.randomUUID();
    }

    private static String newPhone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

}
