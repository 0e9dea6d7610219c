package io.ticketflow.intake.webform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser hardening for the customer pages: a strict Content-Security-Policy (no script at all,
 * styles and forms only from here, no framing), no sniffing, no referrer leaving the site, no
 * caching of pages that may show a ticket; and a form body larger than the limit is refused with
 * 413 before anything reads it.
 */
final class PageHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final long maxFormBytes;

    PageHeaders(long maxFormBytes) {
        this.maxFormBytes = maxFormBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > maxFormBytes) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
