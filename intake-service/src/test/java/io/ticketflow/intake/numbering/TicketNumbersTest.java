package io.ticketflow.intake.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.intake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The monthly counter as MongoDB keeps it: one running total per month. */
    static final class Counters implements SerialBlocks {
        final Map<YearMonth, Long> last = new HashMap<>();
        final List<SerialBlock> reserved = new ArrayList<>();

        @Override
        public synchronized SerialBlock reserve(YearMonth month, int size) {
            long end = last.merge(month, (long) size, Long::sum);
            SerialBlock block = new SerialBlock(month, end - size + 1, end);
            reserved.add(block);
            return block;
        }
    }

    @Test
    void numbers_carry_the_month_and_a_six_digit_serial_starting_at_one() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        TicketNumbers numbers = new TicketNumbers(new Counters(), clock, new NumberingProperties(SHANGHAI, 20));

        assertThat(numbers.next()).isEqualTo("202611-000001");
        assertThat(numbers.next()).isEqualTo("202611-000002");
        assertThat(numbers.next()).matches("\\d{6}-\\d{6}");
    }

    @Test
    void serials_come_from_blocks_and_a_new_block_is_reserved_only_when_one_runs_out() {
        Counters counters = new Counters();
        TicketNumbers numbers = new TicketNumbers(counters, new MutableClock(Instant.parse("2026-11-23T08:00:00Z")),
                new NumberingProperties(SHANGHAI, 3));

        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            issued.add(numbers.next());
        }

        assertThat(issued).containsExactly("202611-000001", "202611-000002", "202611-000003", "202611-000004",
                "202611-000005", "202611-000006", "202611-000007");
        assertThat(counters.reserved).hasSize(3);
    }

    @Test
    void the_serial_restarts_at_one_when_the_month_changes_in_the_configured_zone() {
        // 2026-11-30T15:59:59Z is still November in Shanghai; one second later it is 1 December there
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T15:59:59Z"));
        TicketNumbers numbers = new TicketNumbers(new Counters(), clock, new NumberingProperties(SHANGHAI, 20));
        numbers.next();
        assertThat(numbers.next()).isEqualTo("202611-000002");

        clock.advance(Duration.ofSeconds(1));

        assertThat(numbers.next()).isEqualTo("202612-000001");
        assertThat(numbers.next()).isEqualTo("202612-000002");
    }

    @Test
    void the_year_rolls_over_too() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-31T15:59:00Z"));
        TicketNumbers numbers = new TicketNumbers(new Counters(), clock, new NumberingProperties(SHANGHAI, 20));
        assertThat(numbers.next()).isEqualTo("202612-000001");

        clock.advance(Duration.ofMinutes(1));

        assertThat(numbers.next()).isEqualTo("202701-000001");
    }

    @Test
    void two_instances_sharing_the_counter_never_hand_out_the_same_number_even_after_a_restart() {
        Counters counters = new Counters();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        NumberingProperties properties = new NumberingProperties(SHANGHAI, 5);
        TicketNumbers first = new TicketNumbers(counters, clock, properties);
        TicketNumbers second = new TicketNumbers(counters, clock, properties);

        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            assertThat(issued.add(first.next())).isTrue();
            assertThat(issued.add(second.next())).isTrue();
        }
        TicketNumbers restarted = new TicketNumbers(counters, clock, properties);
        for (int i = 0; i < 12; i++) {
            assertThat(issued.add(restarted.next())).isTrue();
        }
        assertThat(issued).hasSize(36);
    }
}
