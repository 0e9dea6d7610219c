package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFact;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What the KPIs can be grouped by. Team and agent are those of the ticket's latest assignment,
 * department the owning department (after any reclassification).
 */
public enum Dimension {
    CHANNEL(f -> f.channel() == null ? null : f.channel().name()),
    TYPE(f -> f.type() == null ? null : f.type().name()),
    NATURE(f -> f.nature() == null ? null : f.nature().name()),
    PRIORITY(f -> f.priority() == null ? null : f.priority().name()),
    DEPARTMENT(TicketFact::department),
    TEAM(TicketFact::team),
    AGENT(TicketFact::assignee);

    /** The group of tickets that have no value for the dimension, e.g. never assigned. */
    public static final String NONE = "(none)";

    private final Function<TicketFact, @Nullable String> value;

    Dimension(Function<TicketFact, @Nullable String> value) {
        this.value = value;
    }

    /** The ticket's value, or {@link #NONE}. */
    public String of(TicketFact fact) {
        String found = value.apply(fact);
        return found == null ? NONE : found;
    }

    /** The name used in URLs and bucket documents, e.g. {@code channel}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension named in a request, e.g. {@code team}; answers 400 naming the allowed values otherwise. */
    public static Dimension parse(String parameter, String text) {
        return find(text).orElseThrow(() -> new UnknownDimension(parameter, text));
    }

    static Optional<Dimension> find(String text) {
        return Arrays.stream(values()).filter(d -> d.key().equalsIgnoreCase(text.strip())).findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(Dimension::key).toList();
    }

    /** A dimension name that is not one of ours. */
    static final class UnknownDimension extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        UnknownDimension(String parameter, String text) {
            super(HttpStatus.BAD_REQUEST, problem(parameter, text), null);
        }

        private static ProblemDetail problem(String parameter, String text) {
            String message = "must be one of " + String.join(", ", keys()) + ", was '" + text + "'";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + " " + message);
            problem.setTitle("Invalid request parameter");
            problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
            return problem;
        }
    }
}
