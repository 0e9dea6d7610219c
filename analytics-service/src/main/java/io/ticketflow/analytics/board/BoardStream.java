package io.ticketflow.analytics.board;

import io.ticketflow.analytics.alerts.Alerts;
import io.ticketflow.analytics.alerts.AlertsChanged;
import io.ticketflow.analytics.facts.TicketFactsChanged;
import io.ticketflow.analytics.kpi.KpiSnapshots;
import io.ticketflow.events.TicketEscalated;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The board's server-sent events: a {@code snapshot} event (a {@link BoardView}) on connect and
 * whenever the KPI snapshot is retaken, an {@code escalation} event the moment a
 * {@code TicketEscalated} is applied (a duplicate is never applied, so never shown twice). Sends
 * happen on one dedicated thread, so a slow wall screen never holds up a Kafka listener.
 */
@Component
class BoardStream {

    private static final Logger log = LoggerFactory.getLogger(BoardStream.class);
    static final int RECENT_ESCALATIONS = 10;
    private static final long EMITTER_TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final KpiSnapshots snapshots;
    private final Alerts alerts;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final Deque<BoardView.Escalation> recent = new ArrayDeque<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "board-sse");
        thread.setDaemon(true);
        return thread;
    });

    BoardStream(KpiSnapshots snapshots, Alerts alerts) {
        this.snapshots = snapshots;
        this.alerts = alerts;
    }

    BoardView view() {
        return BoardView.of(snapshots.current(), alerts.active());
    }

    synchronized List<BoardView.Escalation> recentEscalations() {
        return List.copyOf(recent);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        emitters.add(emitter);
        BoardView view = view();
        sender.execute(() -> send(emitter, "snapshot", view));
        return emitter;
    }

    @EventListener
    void on(KpiSnapshots.Snapshot snapshot) {
        BoardView view = BoardView.of(snapshot, alerts.active());
        sender.execute(() -> emitters.forEach(emitter -> send(emitter, "snapshot", view)));
    }

    @EventListener
    void on(AlertsChanged changed) {
        BoardView view = BoardView.of(snapshots.current(), changed.active());
        sender.execute(() -> emitters.forEach(emitter -> send(emitter, "snapshot", view)));
    }

    @EventListener
    void on(TicketFactsChanged changed) {
        if (changed.event() instanceof TicketEscalated) {
            TicketEscalated e = (TicketEscalated) changed.event();
            BoardView.Escalation escalation = new BoardView.Escalation(e.ticketNo(), e.level().name(), e.department().id(),
                    e.targetRole(), e.escalatedAt());
            synchronized (this) {
                recent.addFirst(escalation);
                while (recent.size() > RECENT_ESCALATIONS) {
                    recent.removeLast();
                }
            }
            sender.execute(() -> emitters.forEach(emitter -> send(emitter, "escalation", escalation)));
        }
    }

    private void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            emitters.remove(emitter);
            log.debug("board client gone cause={}", gone.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() {
        emitters.forEach(SseEmitter::complete);
        sender.shutdownNow();
    }
}
