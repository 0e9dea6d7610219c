package io.ticketflow.analytics.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report as CSV (RFC 4180, comma-separated, CRLF): one table with the columns
 * {@code section,name,current,previous,change}, sections {@code period}, {@code headline},
 * {@code top_tag}, {@code top_type} and {@code worst_breach} (name = ticket number and metric,
 * current = overdue seconds).
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String of(Report report) {
        StringBuilder csv = new StringBuilder("section,name,current,previous,change\r\n");
        row(csv, "period", report.period(), report.from().toString(), report.previousFrom().toString(), null);
        row(csv, "period", "to", report.to().toString(), report.previousTo().toString(), null);
        for (Report.Figure figure : report.headline()) {
            row(csv, "headline", figure.name(), number(figure.current()), number(figure.previous()), number(figure.change()));
        }
        top(csv, "top_tag", report.topTags());
        top(csv, "top_type", report.topTypes());
        for (Report.Breach breach : report.worstBreaches()) {
            row(csv, "worst_breach", breach.ticketNo() + " " + breach.metric(), Long.toString(breach.overdueSeconds()),
                    null, null);
        }
        return csv.toString();
    }

    private static void top(StringBuilder csv, String section, List<Report.Ranked> ranked) {
        for (Report.Ranked issue : ranked) {
            row(csv, section, issue.value(), Long.toString(issue.tickets()), Long.toString(issue.previousTickets()), null);
        }
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(cells[i]));
        }
        csv.append("\r\n");
    }

    private static String number(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : Double.toString(value);
    }

    /** Quotes a cell holding a comma, quote or line break; a leading = + - @ is defused against spreadsheet formulas. */
    static String escape(@Nullable String cell) {
        if (cell == null) {
            return "";
        }
        String value = cell;
        if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
