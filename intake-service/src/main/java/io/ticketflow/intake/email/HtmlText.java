package io.ticketflow.intake.email;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML mail body: scripts, styles and comments dropped, block elements
 * turned into line breaks, every other tag stripped, character references decoded, blank runs
 * collapsed.
 */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile(
            "(?i)<br\\b[^>]*>|</?(p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol|section|article|header|footer)\\b[^>]*>");
    private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("middot", "·"), Map.entry("bull", "•"), Map.entry("euro", "€"), Map.entry("yen", "¥"),
            Map.entry("pound", "£"), Map.entry("cent", "¢"), Map.entry("times", "×"), Map.entry("divide", "÷"),
            Map.entry("deg", "°"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("ensp", " "),
            Map.entry("emsp", " "), Map.entry("thinsp", " "), Map.entry("zwnj", ""), Map.entry("zwj", ""));

    private HtmlText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = INVISIBLE.matcher(html).replaceAll(" ");
        text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = CELL.matcher(text).replaceAll("\t");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        text = SPACES.matcher(text).replaceAll(" ");
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        return BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
    }

    /** Decodes numeric and the common named character references; unknown ones stay as written. */
    static String decode(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String character(String reference, String original) {
        if (reference.charAt(0) != '#') {
            String named = NAMED.get(reference);
            return named == null ? NAMED.getOrDefault(reference.toLowerCase(java.util.Locale.ROOT), original) : named;
        }
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        int codePoint;
        try {
            codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return original;
        }
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(codePoint));
    }
}
