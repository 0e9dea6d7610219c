package io.ticketflow.intake.email;

import java.util.regex.Pattern;

/**
 * The new part of a reply by mail: what the customer wrote above the quoted earlier mail
 * ("On … wrote:", "-----Original Message-----", "在…写道：", lines starting with "&gt;").
 */
final class QuotedText {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?im)^(?:on\\b.{0,200}\\bwrote:|-{2,}\\s*original message\\s*-{2,}|-{2,}\\s*原始邮件\\s*-{2,}|在.{0,200}写道[:：]|from:\\s.*|发件人[:：].*)\\s*$");

    private QuotedText() {
    }

    static String newPart(String text) {
        String head = text;
        java.util.regex.Matcher header = QUOTE_HEADER.matcher(text);
        if (header.find()) {
            head = text.substring(0, header.start());
        }
        StringBuilder kept = new StringBuilder();
        for (String line : head.split("\n", -1)) {
            if (!line.stripLeading().startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        String result = kept.toString().strip();
        return result.isEmpty() ? text.strip() : result;
    }
}
