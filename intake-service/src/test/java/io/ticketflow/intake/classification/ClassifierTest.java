package io.ticketflow.intake.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class ClassifierTest {

    /** The rules as shipped in application.yml. */
    static Classifier shipped() {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
            ClassificationProperties properties = new Binder(ConfigurationPropertySources.from(yaml))
                    .bind("ticketflow.intake.classification", ClassificationProperties.class).get();
            return new Classifier(properties);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Classifier classifier = shipped();

    private Classification classify(String description) {
        return classifier.classify(null, description, List.of(), false);
    }

    @Nested
    class English {

        @Test
        void a_product_fault_is_a_function_ticket_owned_by_tech() {
            Classification c = classifier.classify("App crashes", "The app crashes when I open my orders", List.of(), false);

            assertThat(c.type()).isEqualTo(TicketType.FUNCTION);
            assertThat(c.department()).isEqualTo(Department.TECH);
            assertThat(c.classifiedBy().type()).isEqualTo("types.FUNCTION[crash]");
        }

        @Test
        void keywords_match_word_starts_so_fails_matches_fail_but_debug_does_not_match_bug() {
            assertThat(classify("Payment fails every time").type()).isEqualTo(TicketType.FUNCTION);
            assertThat(classify("I would like the debug menu explained").type()).isEqualTo(TicketType.OTHER);
        }

        @Test
        void attitude_and_slow_answers_are_service_tickets_owned_by_customer_service() {
            Classification c = classify("The agent was rude and I got a slow response to my question");

            assertThat(c.type()).isEqualTo(TicketType.SERVICE);
            assertThat(c.department()).isEqualTo(Department.CUSTOMER_SERVICE);
        }

        @Test
        void unclear_rules_are_process_tickets_owned_by_operations() {
            Classification c = classify("The refund procedure is confusing, the rules unclear");

            assertThat(c.type()).isEqualTo(TicketType.PROCESS);
            assertThat(c.department()).isEqualTo(Department.OPERATIONS);
        }

        @Test
        void the_type_with_the_most_hits_wins() {
            // one FUNCTION word (error) against two SERVICE phrases
            Classification c = classify("Got an error, then a rude agent and no reply for days");

            assertThat(c.type()).isEqualTo(TicketType.SERVICE);
        }

        @Test
        void anything_else_is_other_consultation_p2() {
            Classification c = classify("What are your opening hours?");

            assertThat(c.type()).isEqualTo(TicketType.OTHER);
            assertThat(c.nature()).isEqualTo(Nature.CONSULTATION);
            assertThat(c.priority()).isEqualTo(Priority.P2);
            assertThat(c.department()).isEqualTo(Department.CUSTOMER_SERVICE);
            assertThat(c.classifiedBy()).isEqualTo(new ClassifiedBy("types.default", "natures.default", "priorities.default"));
        }

        @Test
        void complaints_and_suggestions_are_told_apart() {
            assertThat(classify("This is terrible, I want to complain").nature()).isEqualTo(Nature.COMPLAINT);
            assertThat(classify("I suggest a dark mode, it would be nice").nature()).isEqualTo(Nature.SUGGESTION);
        }

        @Test
        void an_outage_is_p0_and_a_blocked_order_p1() {
            assertThat(classify("Outage: all users see a blank page").priority()).isEqualTo(Priority.P0);
            assertThat(classify("I cannot submit order since this morning").priority()).isEqualTo(Priority.P1);
        }

        @Test
        void a_typo_or_a_suggestion_is_p3() {
            assertThat(classify("There is a typo on the help page").priority()).isEqualTo(Priority.P3);
            Classification suggestion = classify("I suggest adding a search box");
            assertThat(suggestion.priority()).isEqualTo(Priority.P3);
            assertThat(suggestion.classifiedBy().priority()).isEqualTo("priorities.P3[nature SUGGESTION]");
        }

        @Test
        void the_sample_submission_is_a_p1_function_ticket() {
            Classification c = classifier.classify("Cannot pay", "Payment fails with error E1001", List.of("billing"), false);

            assertThat(c.type()).isEqualTo(TicketType.FUNCTION);
            assertThat(c.priority()).isEqualTo(Priority.P1);
            assertThat(c.classifiedBy().priority()).startsWith("priorities.P1[");
        }
    }

    @Nested
    class Chinese {

        @Test
        void a_crash_or_error_is_a_function_ticket() {
            assertThat(classify("打开订单页面就闪退").type()).isEqualTo(TicketType.FUNCTION);
            assertThat(classify("支付时报错，无法完成").type()).isEqualTo(TicketType.FUNCTION);
        }

        @Test
        void attitude_is_a_service_ticket() {
            assertThat(classify("客服态度恶劣，发消息一直不回复").type()).isEqualTo(TicketType.SERVICE);
        }

        @Test
        void procedure_is_a_process_ticket() {
            assertThat(classify("退款流程太繁琐，手续太多").type()).isEqualTo(TicketType.PROCESS);
        }

        @Test
        void complaint_and_suggestion() {
            assertThat(classify("我要投诉，服务太差了").nature()).isEqualTo(Nature.COMPLAINT);
            assertThat(classify("建议增加夜间模式").nature()).isEqualTo(Nature.SUGGESTION);
        }

        @Test
        void priorities() {
            assertThat(classify("系统宕机，全部用户无法登录").priority()).isEqualTo(Priority.P0);
            assertThat(classify("大面积支付失败").priority()).isEqualTo(Priority.P0);
            assertThat(classify("无法下单，一直提示数据错误").priority()).isEqualTo(Priority.P1);
            assertThat(classify("帮助页面有错别字").priority()).isEqualTo(Priority.P3);
            assertThat(classify("我想咨询一下会员权益").priority()).isEqualTo(Priority.P2);
        }
    }

    @Nested
    class Vip {

        @Test
        void a_vip_raises_the_priority_one_level() {
            assertThat(classifier.classify(null, "There is a typo on the help page", List.of(), true).priority())
                    .isEqualTo(Priority.P2);
            assertThat(classifier.classify(null, "What are your opening hours?", List.of(), true).priority())
                    .isEqualTo(Priority.P1);
            Classification blocked = classifier.classify(null, "I cannot submit order", List.of(), true);
            assertThat(blocked.priority()).isEqualTo(Priority.P0);
            assertThat(blocked.classifiedBy().priority()).endsWith("+vip");
        }

        @Test
        void p0_stays_p0() {
            assertThat(classifier.classify(null, "outage for all users", List.of(), true).priority()).isEqualTo(Priority.P0);
        }

        @Test
        void the_raise_can_be_switched_off() {
            Classifier noRaise = new Classifier(new ClassificationProperties(Map.of(), Map.of(), Map.of(), false, List.of()));
            assertThat(noRaise.classify(null, "anything", List.of(), true).priority()).isEqualTo(Priority.P2);
        }
    }

    @Nested
    class EscalatedComplaints {

        @Test
        void a_complaint_with_an_escalation_word_goes_one_level_up() {
            Classification plain = classifier.classify(null, "I complain: the delivery is slow", List.of(), false);
            Classification again = classifier.classify(null, "I complain again, the third time: the delivery is slow",
                    List.of(), false);
            assertThat(plain.nature()).isEqualTo(Nature.COMPLAINT);
            assertThat(again.priority().ordinal()).isEqualTo(plain.priority().ordinal() - 1);
            assertThat(again.classifiedBy().priority()).contains("+escalated-complaint[third time]");
        }

        @Test
        void chinese_escalation_words_count_too() {
            Classification plain = classifier.classify(null, "投诉：快递太慢", List.of(), false);
            Classification again = classifier.classify(null, "再次投诉：快递太慢，我要打12315", List.of(), false);
            assertThat(again.nature()).isEqualTo(Nature.COMPLAINT);
            assertThat(again.priority().ordinal()).isEqualTo(plain.priority().ordinal() - 1);
        }

        @Test
        void a_channel_can_mark_a_complaint_escalated_but_not_a_question() {
            Classification marked = classifier.classify(null, "I complain: the delivery is slow", List.of(), false, true);
            assertThat(marked.priority()).isEqualTo(Priority.P1);
            assertThat(marked.classifiedBy().priority()).endsWith("+escalated-complaint[marked]");
            assertThat(classifier.classify(null, "What are your opening hours?", List.of(), false, true).priority())
                    .isEqualTo(Priority.P2);
            assertThat(classifier.classify(null, "Do you have a press contact?", List.of(), false).priority())
                    .isEqualTo(Priority.P2);
        }

        @Test
        void a_vip_with_an_escalated_complaint_goes_up_twice_but_never_above_p0() {
            assertThat(classifier.classify(null, "I complain: the delivery is slow", List.of(), true, true).priority())
                    .isEqualTo(Priority.P0);
            assertThat(classifier.classify(null, "I complain again: I cannot submit order", List.of(), true, true).priority())
                    .isEqualTo(Priority.P0);
        }
    }

    @Test
    void rules_are_configurable() {
        Classifier custom = new Classifier(new ClassificationProperties(
                Map.of(TicketType.PROCESS, List.of("invoice")),
                Map.of(Nature.COMPLAINT, List.of("grr")),
                Map.of(Priority.P0, List.of("invoice")),
                true, List.of()));

        Classification c = custom.classify("Invoice", "grr, where is my invoice", List.of(), false);

        assertThat(c.type()).isEqualTo(TicketType.PROCESS);
        assertThat(c.nature()).isEqualTo(Nature.COMPLAINT);
        assertThat(c.priority()).isEqualTo(Priority.P0);
        assertThat(c.classifiedBy().type()).isEqualTo("types.PROCESS[invoice]");
    }

    @Test
    void tags_count_as_words_of_the_submission() {
        assertThat(classifier.classify(null, "Please look into it", List.of("bug"), false).type()).isEqualTo(TicketType.FUNCTION);
    }
}
