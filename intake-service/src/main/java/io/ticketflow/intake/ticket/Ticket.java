package io.ticketflow.intake.ticket;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.HoldReason;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketFlag;
import io.ticketflow.events.TicketFlagged;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
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
    private HoldReason holdReason;
    private Instant resumeOwedSince;
    private boolean infoRequested;
    private List<String> providedInfo = new ArrayList<>();
    private Instant closedAt;
    private int reopens;
    private String preferredAgentId;
    private String repeatOf;
    private String resolutionSummary;
    private List<TicketFlag> flags = new ArrayList<>();
    private List<String> decisions = new ArrayList<>();
    private long version;
    private long revision;
    private List<HistoryEntry> history = new ArrayList<>();
    private CommandLease commandLease;

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
        holdReason = other.holdReason;
        resumeOwedSince = other.resumeOwedSince;
        infoRequested = other.infoRequested;
        providedInfo = new ArrayList<>(other.providedInfo == null ? List.of() : other.providedInfo);
        closedAt = other.closedAt;
        reopens = other.reopens;
        preferredAgentId = other.preferredAgentId;
        repeatOf = other.repeatOf;
        resolutionSummary = other.resolutionSummary;
        flags = new ArrayList<>(other.flags == null ? List.of() : other.flags);
        decisions = new ArrayList<>(other.decisions == null ? List.of() : other.decisions);
        version = other.version;
        revision = other.revision;
        history = new ArrayList<>(other.history == null ? List.of() : other.history);
        commandLease = other.commandLease;
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
        TicketStatus before = exists() ? status : null;
        next.resumeOwedSince = null; // owed only until the very next event
        Fact fact = next.apply(event);
        next.version = sequence;
        HistoryEntry entry = new HistoryEntry(event.getClass().getSimpleName(), event.occurredAt(), eventId.toString(),
                before, next.status, fact.by(), fact.reason(), fact.detail());
        if (event instanceof TicketCreated) {
            next.history.add(0, entry); // a placeholder may already hold routing's entries
        } else {
            next.history.add(entry);
        }
        return Optional.of(next);
    }

    /** Changes this (fresh) copy by one event; returns the facts the history shows for it. */
    private Fact apply(LifecycleEvent event) {
        if (event instanceof TicketCreated created) {
            create(created);
            return new Fact(created.customerId(), null, "via " + created.channel());
        } else if (event instanceof TicketInfoRequested requested) {
            infoRequested = true;
            missingInfo = new ArrayList<>(requested.missingInfo());
            return new Fact(null, null, "missing " + String.join(", ", requested.missingInfo()));
        } else if (event instanceof TicketInfoProvided provided) {
            return provideInfo(provided);
        } else if (event instanceof TicketReplied replied) {
            reply(replied);
            return new Fact(replied.author() == ReplyAuthor.AGENT ? replied.agentId() : "customer", null,
                    replied.firstResponse() ? "first response" : null);
        } else if (event instanceof TicketHeld held) {
            status = TicketStatus.PENDING;
            holdReason = held.reason();
            return new Fact(held.agentId(), held.reason().name(), held.note());
        } else if (event instanceof TicketResumed resumed) {
            status = TicketStatus.IN_PROGRESS;
            holdReason = null;
            return new Fact(resumed.agentId(), null, null);
        } else if (event instanceof TicketResolved resolved) {
            resolve(resolved);
            return new Fact(resolved.agentId(), resolved.rootCause(), resolved.summary());
        } else if (event instanceof TicketReopened reopened) {
            reopen(reopened);
            return new Fact(reopened.requestedBy(), reopened.reason(), "reopen " + reopened.reopenNo()
                    + (reopened.preferredAgentId() == null ? "" : ", preferred agent " + reopened.preferredAgentId()));
        } else if (event instanceof TicketClosed closed) {
            status = TicketStatus.CLOSED;
            closedAt = closed.occurredAt();
            holdReason = null;
            return new Fact(closed.closedBy(), closed.reason(), null);
        } else if (event instanceof TicketReclassified reclassified) {
            return reclassify(reclassified);
        } else if (event instanceof TicketFlagged flagged) {
            flag(flagged);
            return new Fact(flagged.flaggedBy(), flagged.reason(), (flagged.raised() ? "raised " : "cleared ") + flagged.flag());
        } else if (event instanceof RepeatContactDetected repeat) {
            if (repeat.within24h()) {
                repeatOf = repeat.earlierTicketNo();
            }
            return new Fact(null, null, "repeats " + repeat.earlierTicketNo() + " (" + repeat.matchedOn() + ")");
        }
        throw new IllegalStateException("no projection for " + event.getClass().getName());
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
        next.history.add(new HistoryEntry(TicketAssigned.class.getSimpleName(), assigned.assignedAt(), eventId.toString(),
                exists() ? status : null, exists() ? next.status : null, "routing-service", assigned.reason(),
                "assigned to " + assigned.agentId()));
        return Optional.of(next);
    }

    /**
     * The ticket with a routing fact that changes no assignment number (a transfer, a
     * reassignment) in its history, or empty when that event is already there. A reassignment
     * away from the current assignee clears the assignee until routing's next assignment.
     */
    Optional<Ticket> routed(UUID eventId, String event, Instant at, String by, String reason, String detail,
            String unassignedAgentId) {
        if (history != null && history.stream().anyMatch(h -> eventId.toString().equals(h.eventId()))) {
            return Optional.empty();
        }
        Ticket next = new Ticket(this);
        if (unassignedAgentId != null && unassignedAgentId.equals(assignee)) {
            next.assignee = null;
        }
        next.history.add(new HistoryEntry(event, at, eventId.toString(), exists() ? status : null,
                exists() ? status : null, by, reason, detail));
        return Optional.of(next);
    }

    /**
     * The ticket remembering a decision taken on it (e.g. {@code reopen:<callbackId>}), so that a
     * redelivered request is recognised; empty when the key is null or already remembered.
     */
    Optional<Ticket> remembering(String decisionKey) {
        if (decisionKey == null || decided(decisionKey)) {
            return Optional.empty();
        }
        Ticket next = new Ticket(this);
        next.decisions.add(decisionKey);
        return Optional.of(next);
    }

    /** Whether the decision under this key has been taken on the ticket. */
    boolean decided(String decisionKey) {
        return decisions != null && decisions.contains(decisionKey);
    }

    /**
     * Whether this ticket waits for evidence but its TicketInfoRequested is not in the view yet:
     * sequence 2 is reserved for it, so no other command may take that sequence.
     */
    boolean awaitingInfoRequest() {
        return exists() && version == 1 && status == TicketStatus.NEEDS_INFO && !infoRequested;
    }

    /**
     * The event this ticket is owed before anything else may happen to it, derived from its state
     * alone so that whoever publishes it (the command that caused it, or the repair after a crash)
     * publishes the same record under the same id: the TicketInfoRequested of a NEEDS_INFO ticket
     * (sequence 2), or the TicketResumed after the customer answered a ticket held for them.
     */
    Optional<LifecycleEvent> owedFollowUp() {
        if (awaitingInfoRequest()) {
            return Optional.of(new TicketInfoRequested(id, ticketNo, 2, createdAt, missingInfo()));
        }
        if (resumeOwedSince != null && status == TicketStatus.PENDING) {
            return Optional.of(new TicketResumed(id, ticketNo, version + 1, resumeOwedSince, null));
        }
        return Optional.empty();
    }

    /** When the ticket entered its finished status (resolution or closure), or null if it is not finished. */
    Instant finishedAt() {
        if (status == TicketStatus.CLOSED) {
            return closedAt;
        }
        return status == TicketStatus.RESOLVED ? resolvedAt : null;
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

    private Fact provideInfo(TicketInfoProvided provided) {
        for (String item : provided.provided()) {
            if (!providedInfo.contains(item)) {
                providedInfo.add(item);
            }
        }
        missingInfo = new ArrayList<>(provided.stillMissing());
        if (missingInfo.isEmpty()) {
            status = TicketLifecycle.onInfoComplete(status, assignee != null);
        }
        return new Fact("customer", null, "provided " + String.join(", ", provided.provided())
                + (provided.stillMissing().isEmpty() ? "" : "; still missing " + String.join(", ", provided.stillMissing()))
                + (provided.note() == null ? "" : "; note: " + provided.note()));
    }

    private void reopen(TicketReopened reopened) {
        status = TicketStatus.REOPENED;
        reopens = Math.max(reopens, reopened.reopenNo());
        preferredAgentId = reopened.preferredAgentId();
        closedAt = null;
        holdReason = null;
    }

    private Fact reclassify(TicketReclassified reclassified) {
        StringBuilder detail = new StringBuilder();
        change(detail, "type", type, reclassified.type());
        change(detail, "nature", nature, reclassified.nature());
        change(detail, "priority", priority, reclassified.priority());
        change(detail, "department", department, reclassified.department());
        type = reclassified.type();
        nature = reclassified.nature();
        priority = reclassified.priority();
        department = reclassified.department();
        return new Fact(reclassified.changedBy(), reclassified.reason(), detail.toString());
    }

    private static void change(StringBuilder detail, String what, Object from, Object to) {
        if (from != to) {
            if (!detail.isEmpty()) {
                detail.append(", ");
            }
            detail.append(what).append(' ').append(from).append(" → ").append(to);
        }
    }

    private void flag(TicketFlagged flagged) {
        if (flagged.raised()) {
            if (!flags.contains(flagged.flag())) {
                flags.add(flagged.flag());
            }
        } else {
            flags.remove(flagged.flag());
        }
    }

    private void reply(TicketReplied replied) {
        if (replied.author() == ReplyAuthor.CUSTOMER && status == TicketStatus.PENDING
                && holdReason == HoldReason.WAITING_FOR_CUSTOMER) {
            resumeOwedSince = replied.occurredAt();
        }
        status = TicketLifecycle.onReply(status, replied.author()).orElse(status);
        if (replied.firstResponse() && firstRespondedAt == null) {
            firstRespondedAt = replied.occurredAt();
        }
    }

    private void resolve(TicketResolved resolved) {
        status = TicketStatus.RESOLVED;
        holdReason = null;
        resolvedAt = resolved.occurredAt();
        resolutionSummary = resolved.summary();
        resolutions = Math.max(resolutions, resolved.resolutionNo());
    }

    String id() {
        return id;
    }

    List<TicketFlag> flags() {
        return flags == null ? List.of() : List.copyOf(flags);
    }

    /** Whether the flag is raised on the ticket. */
    boolean flagged(TicketFlag flag) {
        return flags != null && flags.contains(flag);
    }

    String ticketNo() {
        return ticketNo;
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

    HoldReason holdReason() {
        return holdReason;
    }

    boolean infoRequested() {
        return infoRequested;
    }

    List<String> providedInfo() {
        return providedInfo == null ? List.of() : List.copyOf(providedInfo);
    }

    Instant closedAt() {
        return closedAt;
    }

    int reopens() {
        return reopens;
    }

    /** The ticket number this one repeats (same customer, same issue, within 24 hours), or null. */
    String repeatOf() {
        return repeatOf;
    }

    /** The (masked) summary of the latest resolution, or null. */
    String resolutionSummary() {
        return resolutionSummary;
    }

    String preferredAgentId() {
        return preferredAgentId;
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

    /**
     * One fact in the ticket's life, as the view lists it: the status before and after, who did
     * it, why, and what else matters (all masked, as the events are).
     */
    record HistoryEntry(String event, Instant at, String eventId, TicketStatus from, TicketStatus to, String by,
            String reason, String detail) {
    }

    /** What the history shows of an event besides its type, time, id and statuses. */
    private record Fact(String by, String reason, String detail) {
    }

    /** A command holds the ticket until {@code until}; see {@link CommandLeases}. */
    record CommandLease(String id, Instant until) {
    }
}
