package io.ticketflow.events.spring.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ticketflow.events.PersonalData;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first thing a request body meets. A body declared larger than {@code max-body-size} is 413
 * (multipart uploads aside, which have their own limits). A JSON body is read (at most
 * {@code max-body-size}, else 413, also when sent without a length) and refused with a 400
 * problem when it is not valid UTF-8, nests deeper
 * than {@code max-json-depth}, or has a key that starts with {@code $} or contains {@code .} —
 * MongoDB reads such keys as operators and paths, so none may come near the database, even in a
 * field the controllers ignore. Malformed JSON passes on, to be reported by the controllers'
 * problem handler with the field at fault. A body that passes is handed on from memory.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyGuard.class);
    private static final int MAX_REPORTED_KEYS = 10;
    private static final int MAX_KEY_LENGTH = 64;

    private final RequestLimits limits;
    private final JsonMapper json;

    public RequestBodyGuard(RequestLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request) || isMultipart(request)) {
            // uploads have their own limits (spring.servlet.multipart.*)
            chain.doFilter(request, response);
            return;
        }
        int max = (int) limits.maxBodySize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            tooLarge(response, max);
            return;
        }
        if (!isJson(request)) {
            // left unread, so the container can still parse a form's parameters from it
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), max + 1);
        if (body.length > max) {
            tooLarge(response, max);
            return;
        }
        if (!isUtf8(body)) {
            refuse(response, "The request body is not valid UTF-8.", List.of());
            return;
        }
        List<FieldProblem> problems = unsafeKeys(body);
        if (!problems.isEmpty()) {
            refuse(response, "The request body has keys that are not allowed; see errors.", problems);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_JSON.isCompatibleWith(media)
                    || (media.getSubtype() != null && media.getSubtype().endsWith("+json"));
        } catch (IllegalArgumentException unparseable) {
            return false; // the dispatcher answers 415 for it
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Keys starting with $ or containing a dot, anywhere in the document; and a document nested too deep. */
    private List<FieldProblem> unsafeKeys(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        int depth = 0;
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (++depth > limits.maxJsonDepth()) {
                        return List.of(new FieldProblem("body", "nests deeper than " + limits.maxJsonDepth() + " levels"));
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    if ((key.startsWith("$") || key.contains(".")) && problems.size() < MAX_REPORTED_KEYS) {
                        problems.add(new FieldProblem(shown(key), "keys must not start with $ or contain ."));
                    }
                }
            }
        } catch (JacksonException malformed) {
            // not JSON: the problem handler names what is wrong with it
            return problems;
        }
        return problems;
    }

    private static String shown(String key) {
        String cut = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) + "…" : key;
        return PersonalData.maskText(cut);
    }

    private void tooLarge(HttpServletResponse response, int max) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + max + " bytes.");
        problem.setTitle("Request body too large");
        write(response, problem);
    }

    private void refuse(HttpServletResponse response, String detail, List<FieldProblem> errors) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        log.debug("request body refused status={} detail={}", problem.getStatus(), problem.getDetail());
        problem.setType(URI.create("about:blank"));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(UTF_8.name());
        // the rest of an oversized body is not read; close the connection rather than drain it
        response.setHeader("Connection", "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The request with its body already read, handed on from memory. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** One bad part of a body, as listed in the problem's {@code errors} (the services' own problems use the same shape). */
    record FieldProblem(String field, String message) {
    }
}
