package io.ticketflow.intake.submission;

import io.ticketflow.events.TicketType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.evidence.*}: what a submission must show for its category. Missing
 * evidence does not reject a submission; the ticket is accepted as NEEDS_INFO with the missing items.
 *
 * @param errorCodeTypes ticket types that need an error code in the text
 * @param errorCode      what an error code looks like (case-sensitive), e.g. E1001, ERR-500
 * @param orderTags      tags whose tickets need an order id in the text
 * @param orderId        what an order id looks like: "order" or 订单, then digits
 */
@Validated
@ConfigurationProperties("ticketflow.intake.evidence")
public record EvidenceProperties(
        @DefaultValue("FUNCTION") Set<TicketType> errorCodeTypes,
        @DefaultValue("(?<![A-Za-z0-9])[A-Z]{1,4}-?\\d{3,}(?![0-9])") String errorCode,
        @DefaultValue({"billing", "logistics"}) List<String> orderTags,
        @DefaultValue("(?i)(?:order|订单)[^\\d\\n]{0,16}\\d{4,}") String orderId) {

    public EvidenceProperties {
        compile("error-code", errorCode);
        compile("order-id", orderId);
        errorCodeTypes = Set.copyOf(errorCodeTypes);
        orderTags = List.copyOf(orderTags);
    }

    static Pattern compile(String name, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("ticketflow.intake.evidence." + name + " is not a valid regular expression");
        }
    }
}
