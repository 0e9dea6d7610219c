package io.ticketflow.intake.email;

import io.ticketflow.intake.submission.ChannelSubmission.Attachment;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads a MIME message into an {@link InboundMail}: the sender, the subject, the text/plain body
 * (or the text of the HTML body when there is no plain one), and the name, type and decoded size
 * of every attachment. Anything it cannot make sense of is an {@link UnreadableMailException}.
 */
final class MailReader {

    /** Longest Message-ID taken as one; a longer or non-ASCII one is treated as absent. */
    private static final int MAX_ID = 200;
    private static final int MAX_DEPTH = 10;

    private MailReader() {
    }

    static InboundMail read(MimeMessage message) throws UnreadableMailException {
        try {
            String sender = sender(message);
            String messageId = messageId(message);
            // a digest, not the id itself: bounded, plain ASCII, and nothing address-like in keys or logs
            String key = "email:" + (messageId != null ? sha256(messageId.getBytes(StandardCharsets.UTF_8))
                    : "raw-" + digest(message));
            String subject = message.getSubject() == null ? "" : message.getSubject().strip();
            Body body = new Body();
            walk(message, body, 0);
            String text = body.plain != null ? body.plain : body.html != null ? HtmlText.of(body.html) : "";
            text = normalise(text);
            if (text.isBlank() && subject.isBlank() && body.attachments.isEmpty()) {
                throw new UnreadableMailException("empty mail");
            }
            return new InboundMail(key, messageId, sender, subject, text, body.attachments, automatic(message));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException("cannot parse: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String sender(MimeMessage message) throws MessagingException, UnreadableMailException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            throw new UnreadableMailException("unparseable From", e);
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            throw new UnreadableMailException("no sender");
        }
        String email = address.getAddress();
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            throw new UnreadableMailException("invalid sender", e);
        }
        if (email == null || email.length() > 254 || email.indexOf('@') < 1) {
            throw new UnreadableMailException("invalid sender");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String messageId(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        if (id == null || id.isBlank()) {
            return null;
        }
        id = id.strip();
        boolean printable = id.chars().allMatch(c -> c > 0x20 && c < 0x7F);
        return printable && id.length() <= MAX_ID ? id : null;
    }

    private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME nested too deep");
        }
        String disposition = part.getDisposition();
        String fileName = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !part.isMimeType("text/plain")
                && !part.isMimeType("text/html") && !part.isMimeType("multipart/*"));
        if (part.isMimeType("multipart/*") && !attached) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("multipart without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, depth + 1);
            }
            return;
        }
        if (!attached && part.isMimeType("text/plain")) {
            // several inline text parts (text, a pasted image, more text) are one message, in order
            body.plain = body.plain == null ? text(part) : body.plain + "\n\n" + text(part);
        } else if (!attached && part.isMimeType("text/html")) {
            body.html = body.html == null ? text(part) : body.html + "<br>" + text(part);
        } else if (attached || fileName != null || !part.isMimeType("text/*")) {
            body.attachments.add(new Attachment(fileName != null ? fileName : unnamed(part), baseType(part),
                    decodedSize(part)));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // fall through: read the bytes as UTF-8 rather than lose the customer's words
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (ParseException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            name = MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            // keep the encoded form
        }
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static String unnamed(Part part) throws MessagingException {
        return part.isMimeType("message/rfc822") ? "forwarded-message.eml" : "unnamed";
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static long decodedSize(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static boolean automatic(MimeMessage message) throws MessagingException {
        if (message.isMimeType("multipart/report")) {
            return true; // a delivery or read report
        }
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null
                && address.getAddress().toLowerCase(Locale.ROOT).matches("(mailer-daemon|postmaster|no-?reply)@.*")) {
            return true;
        }
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = message.getHeader("Precedence", null);
        return precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|list|junk|auto_reply");
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
    }

    private static String digest(MimeMessage message) throws MessagingException, IOException {
        MessageDigest sha = sha256();
        try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            message.writeTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Body {
        private String plain;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();
    }
}
