package io.ticketflow.analytics.board;

import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live wall board: {@code GET /board} (HTML) and {@code GET /board/stream} (server-sent events). */
@Controller
class BoardController {

    private final BoardStream stream;

    BoardController(BoardStream stream) {
        this.stream = stream;
    }

    @GetMapping(value = "/board", produces = MediaType.TEXT_HTML_VALUE)
    String board(Model model, Locale locale) {
        model.addAttribute("view", stream.view());
        model.addAttribute("escalations", stream.recentEscalations());
        model.addAttribute("lang", BoardLocales.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh");
        return "board";
    }

    @GetMapping(value = "/board/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe();
    }
}
