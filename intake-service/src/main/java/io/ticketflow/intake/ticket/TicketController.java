package io.ticketflow.intake.ticket;

import io.ticketflow.events.TicketStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.search(customerId, status, page, size);
    }

    @PostMapping("/{ticketNo}/replies")
    TicketView reply(@PathVariable String ticketNo, @Valid @RequestBody ReplyRequest request) {
        return commands.reply(ticketNo, request.toReply());
    }

    @PostMapping("/{ticketNo}/resolution")
    TicketView resolve(@PathVariable String ticketNo, @Valid @RequestBody ResolutionRequest request) {
        return commands.resolve(ticketNo, request.toResolution());
    }
}
