package io.ticketflow.intake.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.intake.submission.FormSubmissions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TicketFormTest {

    /** The shipped evidence rules (application.yml): the hints must satisfy them. */
    private static final Pattern ORDER_ID = Pattern.compile("(?i)(?:order|订单)[^\\d\\n]{0,16}\\d{4,}");
    private static final Pattern ERROR_CODE = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{1,4}-?\\d{3,}(?![0-9])");

    @Test
    void the_hints_are_added_to_the_description_in_words_the_evidence_rules_find() {
        TicketForm form = form("13812345678", "The app crashes", "billing");
        form.setOrderId(" 20261123001 ");
        form.setErrorCode("E1001");

        FormSubmissions.Form sent = form.toForm();

        assertThat(sent.description()).startsWith("The app crashes\n\n").contains("20261123001", "E1001");
        assertThat(ORDER_ID.matcher(sent.description()).find()).isTrue();
        assertThat(ERROR_CODE.matcher(sent.description()).find()).isTrue();
        assertThat(sent.tags()).containsExactly("billing");
        assertThat(form.formProblems()).isEmpty();
    }

    @Test
    void without_a_description_nothing_is_made_up_so_the_api_rule_reports_it() {
        TicketForm form = form("13812345678", "  ", "");
        form.setOrderId("20261123001");
        assertThat(form.toForm().description()).isEmpty();
        assertThat(form.toForm().tags()).isEmpty();
    }

    @Test
    void the_form_needs_a_contact_a_known_category_and_hints_that_are_identifiers() {
        TicketForm form = form(" ", "text", "cars");
        form.setOrderId("12 34");
        form.setErrorCode("<b>");

        assertThat(form.formProblems()).containsEntry("contact", "Required").containsEntry("category", "Unknown")
                .containsEntry("orderId", "Pattern").containsEntry("errorCode", "Pattern");
    }

    @Test
    void its_text_never_shows_personal_data() {
        assertThat(form("13812345678", "secret", "billing").toString()).doesNotContain("13812345678", "secret");
    }

    private static TicketForm form(String contact, String description, String category) {
        TicketForm form = new TicketForm();
        form.setContact(contact);
        form.setDescription(description);
        form.setCategory(category);
        return form;
    }
}
