package io.ticketflow.sla.clock;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.deadlines.*}: the scheduler that fires warnings and breaches at their
 * instant.
 *
 * @param warningPercents shares of a clock's budget at which a warning is raised
 * @param lookahead       how far ahead the scheduler loads the nearest firing instants from MongoDB
 * @param refillInterval  how often it reloads them (catches clocks another instance started)
 * @param batch           how many firing instants one load reads at most; a full load is followed
 *                        by the next as soon as the loaded ones have fired
 * @param maxSleep        the longest the scheduler sleeps before looking at the clock again
 * @param fireThreads     threads deciding and publishing due clocks in parallel
 */
@ConfigurationProperties("ticketflow.sla.deadlines")
public record DeadlineProperties(
        @DefaultValue({"50", "75", "90"}) List<Integer> warningPercents,
        @DefaultValue("10m") Duration lookahead,
        @DefaultValue("1m") Duration refillInterval,
        @DefaultValue("5000") int batch,
        @DefaultValue("1s") Duration maxSleep,
        @DefaultValue("8") int fireThreads) {

    public DeadlineProperties {
        warningPercents = warningPercents == null ? List.of() : List.copyOf(warningPercents);
        for (int percent : warningPercents) {
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("ticketflow.sla.deadlines.warning-percents must lie in 1..99, not " + percent);
            }
        }
        if (lookahead == null || refillInterval == null || maxSleep == null || lookahead.compareTo(refillInterval) < 0) {
            throw new IllegalArgumentException("ticketflow.sla.deadlines.lookahead must be at least the refill-interval");
        }
        if (maxSleep.isNegative() || maxSleep.isZero()) {
            throw new IllegalArgumentException("ticketflow.sla.deadlines.max-sleep must be positive");
        }
        if (batch < 1 || fireThreads < 1) {
            throw new IllegalArgumentException("ticketflow.sla.deadlines.batch and fire-threads must be at least 1");
        }
    }
}
