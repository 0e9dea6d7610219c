package io.ticketflow.sla.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.PutMapping;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The business calendars, read-only for now, and the what-if calculator: when would a budget
 * started at a given time run out? It runs the same code the clocks use.
 */
@RestController
@RequestMapping("/api/v1/sla/calendars")
class CalendarController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CalendarController.class);

    private final BusinessCalendars calendars;
    private final MongoTemplate mongo;

    CalendarController(BusinessCalendars calendars, MongoTemplate mongo) {
        this.calendars = calendars;
        this.mongo = mongo;
    }

    /**
     * Creates or replaces a calendar (e.g. one per department, named by the department id, or this
     * year's holidays). Stored, so it survives restarts; new and recomputed clocks use it.
     */
    @PutMapping("/{id}")
    CalendarView put(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,40}") String id, @Valid @RequestBody EditedCalendar.Definition definition) {
        BusinessCalendar calendar;
        try {
            calendar = definition.toCalendar(id);
        } catch (RuntimeException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid calendar");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
        mongo.save(new EditedCalendar(id, definition));
        calendars.put(calendar);
        log.info("business calendar saved id={} zone={} holidays={} makeUpDays={}", id, calendar.zone(), calendar.holidays().size(),
                calendar.makeUpDays().size());
        return CalendarView.of(calendar);
    }

    @GetMapping
    List<CalendarView> calendars() {
        return calendars.all().stream().map(CalendarView::of).toList();
    }

    @GetMapping("/{id}")
    CalendarView calendar(@PathVariable String id) {
        return calendars.find(id).map(CalendarView::of).orElseThrow(() -> new UnknownCalendarException(id));
    }

    @PostMapping("/{id}/due")
    DueDate due(@PathVariable String id, @Valid @RequestBody DueDateQuestion question) {
        BusinessCalendar calendar = calendars.find(id).orElseThrow(() -> new UnknownCalendarException(id));
        List<Pause> pauses = question.pauses() == null ? List.of()
                : question.pauses().stream().map(p -> new Pause(p.from(), p.to())).toList();
        return new DueDate(calendar.dueAt(question.start(), question.budget(), question.mode(), pauses));
    }

    /**
     * @param start  when the clock starts
     * @param budget the allowance, e.g. {@code PT9H}; at most a year, so an answer is always cheap
     * @param mode   {@code CALENDAR} or {@code WORKING}
     * @param pauses optional stretches the clock stood still; their (working) time is added back
     */
    record DueDateQuestion(
            @NotNull Instant start,
            @NotNull @DurationMin(nanos = 0, inclusive = false) @DurationMax(days = 366) Duration budget,
            @NotNull TimeMode mode,
            @Valid @Size(max = 100) List<PauseInterval> pauses) {
    }

    /** A pause, {@code from} before {@code to}. */
    record PauseInterval(@NotNull Instant from, @NotNull Instant to) {

        @AssertTrue(message = "must end after it starts")
        boolean isOrdered() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    record DueDate(Instant due) {
    }

    /**
     * @param openingHours {@code HH:mm-HH:mm} per open weekday
     * @param workingDay   what one working day of budget is worth, e.g. {@code PT9H}
     */
    record CalendarView(String id, String zone, Map<DayOfWeek, String> openingHours, String standardDay, String workingDay,
            List<LocalDate> holidays, List<LocalDate> makeUpDays) {

        static CalendarView of(BusinessCalendar calendar) {
            Map<DayOfWeek, String> hours = new TreeMap<>();
            calendar.weeklyHours().forEach((day, open) -> hours.put(day, open.toString()));
            return new CalendarView(calendar.id(), calendar.zone().getId(), hours, calendar.standardDay().toString(),
                    calendar.workingDay().toString(), List.copyOf(calendar.holidays()), List.copyOf(calendar.makeUpDays()));
        }
    }

    static final class UnknownCalendarException extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        UnknownCalendarException(String id) {
            super(HttpStatus.NOT_FOUND, problem(id), null);
        }

        private static ProblemDetail problem(String id) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no business calendar '" + id + "'");
            problem.setTitle("Unknown calendar");
            return problem;
        }
    }
}
