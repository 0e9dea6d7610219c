package io.ticketflow.intake.ticket;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.intake.classification.ClassifiedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The ticket as intake shows it: a document in {@code tickets}, built only from events. Every
 * change is a pure function from one state to the next, so the Kafka listener and the HTTP
 * command path apply an event the same way; {@link #version} is the sequence of the last
 * lifecycle event applied, {@link #revision} counts every write for optimistic concurrency.
 * Personal data is masked here: the clear contact is only in the contact vault.
 */
@Document(collection = Ticket.COLLECTION)
class Ticket {

    static final String COLLECTION = "tickets";

    @Id
    private String id;
    private String ticketNo;
    private TicketStatus status;
    private Channel channel;
    private String customerId;
    private String contactMasked;
    private String subject;
    private String description;
    private List<String> tags = new ArrayList<>();
    private TicketType type;
    private Nature nature;
    private Priority priority;
    private Department department;
    private boolean vip;
    private List<String> missingInfo = new ArrayList<>();
    private ClassifiedBy classifiedBy;
    private String assignee;
    private int assignmentNo;
    private Instant createdAt;
    private Instant firstRespondedAt;
    private Instant resolvedAt;
    private int resolutions;
    private long version;
    private long revision;
    private List<HistoryEntry> history = new ArrayList<>();
    private CommandLease commandLease;
    private String repeatOf;
    private String resolutionSummary;

    Ticket() {
        // for the mapping
    }

    private Ticket(Ticket other) {
        id = other.id;
        ticketNo = other.ticketNo;
        status = other.status;
        channel = other.channel;
        customerId = other.customerId;
        contactMasked = other.contactMasked;
        subject = other.subject;
        description = other.description;
        tags = new ArrayList<>(other.tags == null ? List.of() : other.tags);
        type = other.type;
        nature = other.nature;
        priority = other.priority;
        department = other.department;
        vip = other.vip;
        missingInfo = new ArrayList<>(other.missingInfo == null ? List.of() : other.missingInfo);
        classifiedBy = other.classifiedBy;
        assignee = other.assignee;
        assignmentNo = other.assignmentNo;
        createdAt = other.createdAt;
        firstRespondedAt = other.firstRespondedAt;
        resolvedAt = other.resolvedAt;
        resolutions = other.resolutions;
        version = other.version;
        revision = other.revision;
        history = new ArrayList<>(other.history == null ? List.of() : other.history);
        commandLease = other.commandLease;
        repeatOf = other.repeatOf;
        resolutionSummary = other.resolutionSummary;
    }

    /** A ticket known only by its ids: another topic spoke of it before its creation was projected. */
    static Ticket placeholder(String id, String ticketNo) {
        Ticket ticket = new Ticket();
        ticket.id = id;
        ticket.ticketNo = ticketNo;
        return ticket;
    }

    /** Whether its TicketCreated has been applied. */
    boolean exists() {
        return version >= 1;
    }

    /**
     * The ticket after a lifecycle event, or empty when the event is already reflected (its
     * sequence is not above the version).
     *
     * @throws OutOfOrderEventException when events between the version and this one are missing
     */
    Optional<Ticket> applying(UUID eventId, LifecycleEvent event) {
        long sequence = event.sequence();
        if (sequence <= version) {
            return Optional.empty();
        }
        if (sequence != version + 1) {
            throw new OutOfOrderEventException(ticketNo, version, sequence);
        }
        Ticket next = new Ticket(this);
        HistoryEntry entry = new HistoryEntry(event.getClass().getSimpleName(), event.occurredAt(), eventId.toString());
        if (event instanceof TicketCreated created) {
            next.create(created);
            next.history.add(0, entry); // a placeholder may already hold routing's entries
        } else if (event instanceof TicketReplied replied) {
            next.reply(replied);
            next.history.add(entry);
        } else if (event instanceof TicketResolved resolved) {
            next.resolve(resolved);
            next.history.add(entry);
        } else if (event instanceof RepeatContactDetected repeat) {
            if (repeat.within24h()) {
                next.repeatOf = repeat.earlierTicketNo();
            }
            next.history.add(entry);
        } else {
            throw new IllegalStateException("no projection for " + event.getClass().getName());
        }
        next.version = sequence;
        return Optional.of(next);
    }

    /** The ticket with routing's assignment, or empty when this or a later assignment is already known. */
    Optional<Ticket> assigning(UUID eventId, TicketAssigned assigned) {
        if (assigned.assignmentNo() <= assignmentNo) {
            return Optional.empty();
        }
        Ticket next = new Ticket(this);
        next.assignee = assigned.agentId();
        next.assignmentNo = assigned.assignmentNo();
        if (exists()) {
            next.status = TicketLifecycle.onAssignment(status);
        }
        next.history.add(new HistoryEntry(TicketAssigned.class.getSimpleName(), assigned.assignedAt(), eventId.toString()));
        return Optional.of(next);
    }

    /** The ticket with the rules that classified it, which only intake knows; empty if already recorded. */
    Optional<Ticket> classifiedBy(ClassifiedBy rules) {
        if (rules == null || classifiedBy != null) {
            return Optional.empty();
        }
        Ticket next = new Ticket(this);
        next.classifiedBy = rules;
        return Optional.of(next);
    }

    /** This state as the next write, one revision on. */
    Ticket nextRevision() {
        Ticket next = new Ticket(this);
        next.revision = revision + 1;
        return next;
    }

    private void create(TicketCreated created) {
        ticketNo = created.ticketNo();
        channel = created.channel();
        customerId = created.customerId();
        contactMasked = created.contactMasked();
        subject = created.subject();
        description = created.description();
        tags = new ArrayList<>(created.tags());
        type = created.type();
        nature = created.nature();
        priority = created.priority();
        department = created.department();
        vip = created.vip();
        missingInfo = new ArrayList<>(created.missingInfo());
        createdAt = created.occurredAt();
        status = assignee == null ? created.status() : TicketLifecycle.onAssignment(created.status());
    }

    private void reply(TicketReplied replied) {
        status = TicketLifecycle.onReply(status, replied.author()).orElse(status);
        if (replied.firstResponse() && firstRespondedAt == null) {
            firstRespondedAt = replied.occurredAt();
        }
    }

    private void resolve(TicketResolved resolved) {
        status = TicketStatus.RESOLVED;
        resolvedAt = resolved.occurredAt();
        resolutions = Math.max(resolutions, resolved.resolutionNo());
        resolutionSummary = resolved.summary();
    }

    String id() {
        return id;
    }

    String ticketNo() {
        return ticketNo;
    }

    /** The ticket number this one repeats (same customer, same issue, within 24 hours), or null. */
    String repeatOf() {
        return repeatOf;
    }

    /** The (masked) summary of the latest resolution, or null. */
    String resolutionSummary() {
        return resolutionSummary;
    }

    TicketStatus status() {
        return status;
    }

    Channel channel() {
        return channel;
    }

    String customerId() {
        return customerId;
    }

    String contactMasked() {
        return contactMasked;
    }

    String subject() {
        return subject;
    }

    String description() {
        return description;
    }

    List<String> tags() {
        return tags == null ? List.of() : List.copyOf(tags);
    }

    TicketType type() {
        return type;
    }

    Nature nature() {
        return nature;
    }

    Priority priority() {
        return priority;
    }

    Department department() {
        return department;
    }

    boolean vip() {
        return vip;
    }

    List<String> missingInfo() {
        return missingInfo == null ? List.of() : List.copyOf(missingInfo);
    }

    ClassifiedBy classification() {
        return classifiedBy;
    }

    String assignee() {
        return assignee;
    }

    int assignmentNo() {
        return assignmentNo;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant firstRespondedAt() {
        return firstRespondedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    int resolutions() {
        return resolutions;
    }

    long version() {
        return version;
    }

    long revision() {
        return revision;
    }

    List<HistoryEntry> history() {
        return history == null ? List.of() : List.copyOf(history);
    }

    CommandLease commandLease() {
        return commandLease;
    }

    /** One fact in the ticket's life, as the view lists it. */
    record HistoryEntry(String event, Instant at, String eventId) {
    }

    /** A command holds the ticket until {@code until}; see {@link CommandLeases}. */
    record CommandLease(String id, Instant until) {
    }
}
