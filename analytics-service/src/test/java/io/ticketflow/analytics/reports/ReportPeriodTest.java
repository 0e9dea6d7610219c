package io.ticketflow.analytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void periods_cover_a_day_an_iso_week_or_a_month_and_the_one_before() {
        LocalDate thursday = LocalDate.parse("2031-01-16");

        assertThat(ReportPeriod.DAILY.rangeOf(thursday, UTC).from()).isEqualTo(Instant.parse("2031-01-16T00:00:00Z"));
        assertThat(ReportPeriod.DAILY.previousOf(thursday, UTC).from()).isEqualTo(Instant.parse("2031-01-15T00:00:00Z"));
        assertThat(ReportPeriod.WEEKLY.rangeOf(thursday, UTC).from()).isEqualTo(Instant.parse("2031-01-13T00:00:00Z"));
        assertThat(ReportPeriod.WEEKLY.rangeOf(thursday, UTC).to()).isEqualTo(Instant.parse("2031-01-20T00:00:00Z"));
        assertThat(ReportPeriod.WEEKLY.previousOf(thursday, UTC).from()).isEqualTo(Instant.parse("2031-01-06T00:00:00Z"));
        assertThat(ReportPeriod.MONTHLY.rangeOf(thursday, UTC).to()).isEqualTo(Instant.parse("2031-02-01T00:00:00Z"));
        assertThat(ReportPeriod.MONTHLY.previousOf(thursday, UTC).from()).isEqualTo(Instant.parse("2030-12-01T00:00:00Z"));
        assertThat(ReportPeriod.DAILY.rangeOf(thursday, ZoneId.of("Asia/Shanghai")).from())
                .isEqualTo(Instant.parse("2031-01-15T16:00:00Z"));
    }

    @Test
    void csv_cells_are_quoted_and_defused() {
        assertThat(ReportCsv.escape("plain")).isEqualTo("plain");
        assertThat(ReportCsv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.escape("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(ReportCsv.escape(null)).isEmpty();
    }

    @Test
    void the_headline_change_is_relative_to_the_period_before() {
        assertThat(Report.Figure.of("x", 75, 120).change()).isEqualTo(-0.375);
        assertThat(Report.Figure.of("x", 5, 0).change()).isNull();
        assertThat(Report.Figure.of("x", null, 3).change()).isNull();
        assertThat(List.of(Report.Figure.of("x", 3, 2))).extracting(Report.Figure::change).containsExactly(0.5);
    }
}
