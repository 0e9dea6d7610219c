package io.ticketflow.routing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Utils;

/** Lifecycle events as intake publishes them, with unique ids and numbers per call. */
final class Tickets {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Tickets() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String nextTicketNo() {
        return String.format("202611-%06d", SERIAL.incrementAndGet());
    }

    static TicketCreated created(Department department, Priority priority, String customerId, String... tags) {
        return created(UUID.randomUUID().toString(), department, priority, customerId, tags);
    }

    static TicketCreated created(String ticketId, Department department, Priority priority, String customerId, String... tags) {
        return new TicketCreated(ticketId, nextTicketNo(), 1, Instant.now(), Channel.WEB, customerId, "138****5678",
                false, "Cannot pay", "Payment fails at checkout", List.of(tags), TicketType.FUNCTION, Nature.COMPLAINT,
                priority, department, TicketStatus.NEW, List.of());
    }

    static TicketCreated vip(TicketCreated created) {
        return new TicketCreated(created.ticketId(), created.ticketNo(), created.sequence(), created.occurredAt(),
                created.channel(), created.customerId(), created.contactMasked(), true, created.subject(),
                created.description(), created.tags(), created.type(), created.nature(), created.priority(),
                created.department(), created.status(), created.missingInfo());
    }

    static TicketResolved resolved(TicketCreated created, String agentId) {
        return new TicketResolved(created.ticketId(), created.ticketNo(), 2, Instant.now(), agentId,
                "Refunded the double charge", "payment gateway retry", 1);
    }

    static TicketClosed closed(TicketCreated created) {
        return new TicketClosed(created.ticketId(), created.ticketNo(), 3, Instant.now(), "customer satisfied", "feedback-service");
    }

    static TicketReopened reopened(TicketCreated created, int reopenNo, String preferredAgentId) {
        return new TicketReopened(created.ticketId(), created.ticketNo(), 10 + reopenNo, Instant.now(), "still broken",
                reopenNo, "customer", preferredAgentId);
    }

    static TicketReclassified reclassified(TicketCreated created, Department department, Priority priority) {
        return new TicketReclassified(created.ticketId(), created.ticketNo(), 5, Instant.now(), TicketType.PROCESS,
                Nature.COMPLAINT, priority, department, created.type(), created.priority(), created.department(),
                "it is a process problem", "sup-1");
    }

    static TicketReplied agentReply(TicketCreated created, String agentId) {
        return new TicketReplied(created.ticketId(), created.ticketNo(), 4, Instant.now(), ReplyAuthor.AGENT, agentId, true,
                "Looking into it");
    }

    static TicketReplied customerReply(TicketCreated created) {
        return new TicketReplied(created.ticketId(), created.ticketNo(), 4, Instant.now(), ReplyAuthor.CUSTOMER, null, false,
                "Any news?");
    }

    /** A fresh ticket id whose records land on the same partition as the given ticket's, as Kafka's default partitioner places keys. */
    static String ticketIdOnSamePartitionAs(String ticketId, int partitions) {
        int wanted = partitionOf(ticketId, partitions);
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (partitionOf(candidate, partitions) == wanted) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % partitions;
    }
}
