package io.ticketflow.intake.ticket;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.intake.web.FieldProblem;
import io.ticketflow.intake.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading tickets and the commands agents and customers give on them. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private final TicketQueries queries;
    private final TicketCommands commands;

    TicketController(TicketQueries queries, TicketCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/{ticketNo}")
    TicketView ticket(@PathVariable String ticketNo) {
        return queries.byNumber(ticketNo);
    }

    @GetMapping
    TicketPage tickets(
            @RequestParam(name = "customerId", required = false) String customerId,
            @RequestParam(name = "status", required = false) TicketStatus status,
            @RequestParam(name = "priority", required = false) Priority priority,
            @RequestParam(name = "type", required = false) TicketType type,
            @RequestParam(name = "channel", required = false) Channel channel,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException(List.of(new FieldProblem("from", "must be before to")));
        }
        return queries.search(new TicketFilter(customerId, status, priority, type, channel, from, to), page, size);
    }

    @PostMapping("/{ticketNo}/replies")
    TicketView reply(@PathVariable String ticketNo, @Valid @RequestBody ReplyRequest request) {
        return commands.reply(ticketNo, request.toReply());
    }

    @PostMapping("/{ticketNo}/resolution")
    TicketView resolve(@PathVariable String ticketNo, @Valid @RequestBody ResolutionRequest request) {
        return commands.resolve(ticketNo, request.toResolution());
    }

    @PostMapping("/{ticketNo}/info")
    TicketView provideInfo(@PathVariable String ticketNo, @Valid @RequestBody InfoRequest request) {
        return commands.provideInfo(ticketNo, request.toSupplement());
    }

    @PostMapping("/{ticketNo}/hold")
    TicketView hold(@PathVariable String ticketNo, @Valid @RequestBody HoldRequest request) {
        return commands.hold(ticketNo, request.toHold());
    }

    @PostMapping("/{ticketNo}/resume")
    TicketView resume(@PathVariable String ticketNo, @Valid @RequestBody ResumeRequest request) {
        return commands.resume(ticketNo, request.agentId().strip());
    }

    @PostMapping("/{ticketNo}/reopen")
    TicketView reopen(@PathVariable String ticketNo, @Valid @RequestBody ReopenRequest request) {
        return commands.reopen(ticketNo, request.toReopen());
    }

    @PostMapping("/{ticketNo}/close")
    TicketView close(@PathVariable String ticketNo, @Valid @RequestBody CloseRequest request) {
        return commands.close(ticketNo, request.toClosure());
    }

    @PostMapping("/{ticketNo}/flags")
    TicketView flag(@PathVariable String ticketNo, @Valid @RequestBody FlagRequest request) {
        return commands.flag(ticketNo, request.toFlag());
    }

    @PostMapping("/{ticketNo}/classification")
    TicketView reclassify(@PathVariable String ticketNo, @Valid @RequestBody ClassificationRequest request) {
        return commands.reclassify(ticketNo, request.toReclassification());
    }
}
