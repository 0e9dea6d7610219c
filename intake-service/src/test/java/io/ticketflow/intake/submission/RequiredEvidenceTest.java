package io.ticketflow.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.TicketType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredEvidenceTest {

    private final RequiredEvidence evidence = new RequiredEvidence(new EvidenceProperties(Set.of(TicketType.FUNCTION),
            "(?<![A-Za-z0-9])[A-Z]{1,4}-?\\d{3,}(?![0-9])", List.of("billing", "logistics"), "(?i)(?:order|订单)[^\\d\\n]{0,16}\\d{4,}"));

    @Test
    void a_fault_report_with_an_error_code_lacks_nothing() {
        assertThat(evidence.missing(TicketType.FUNCTION, "Payment fails with error E1001", List.of())).isEmpty();
        assertThat(evidence.missing(TicketType.FUNCTION, "支付报错ERR-500", List.of())).isEmpty();
    }

    @Test
    void a_fault_report_without_an_error_code_needs_one() {
        assertThat(evidence.missing(TicketType.FUNCTION, "It just does not work", List.of())).containsExactly("errorCode");
        assertThat(evidence.missing(TicketType.FUNCTION, "call me on 13812345678", List.of())).containsExactly("errorCode");
    }

    @Test
    void other_types_need_no_error_code() {
        assertThat(evidence.missing(TicketType.SERVICE, "The agent was rude", List.of())).isEmpty();
    }

    @Test
    void billing_and_logistics_tickets_need_an_order_id() {
        assertThat(evidence.missing(TicketType.OTHER, "Where is my parcel?", List.of("logistics"))).containsExactly("orderId");
        assertThat(evidence.missing(TicketType.OTHER, "Refund for order #20261123001", List.of("billing"))).isEmpty();
        assertThat(evidence.missing(TicketType.OTHER, "订单号：2026112300123 还没发货", List.of("logistics"))).isEmpty();
        assertThat(evidence.missing(TicketType.OTHER, "Where is my parcel?", List.of("delivery"))).isEmpty();
    }

    @Test
    void both_can_be_missing() {
        assertThat(evidence.missing(TicketType.FUNCTION, "Cannot pay", List.of("billing")))
                .containsExactly("errorCode", "orderId");
    }
}
