package io.ticketflow.intake.email;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.intake.submission.ChannelSubmission.Attachment;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Real MIME parsed by Angus Mail: what a mail becomes. */
class MailReaderTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void plain_text_wins_over_html_and_attachments_are_listed_with_decoded_sizes() throws Exception {
        MimeMessage mail = parse("""
                From: "Li Lei" <Li.Lei@Customer.Test>
                Message-ID: <m1@customer.test>
                Subject: =?UTF-8?B?5peg5rOV55m75b2V?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                The app crashes.
                --alt
                Content-Type: text/html; charset=UTF-8

                <p>The <b>app</b> crashes.</p>
                --alt--
                --outer
                Content-Type: image/png; name="screen.png"
                Content-Disposition: attachment; filename="screen.png"
                Content-Transfer-Encoding: base64

                AAECAwQFBgcICQ==
                --outer--
                """);

        InboundMail read = MailReader.read(mail);

        assertThat(read.sender()).isEqualTo("li.lei@customer.test");
        assertThat(read.messageId()).isEqualTo("<m1@customer.test>");
        assertThat(read.key()).matches("email:[0-9a-f]{64}").doesNotContain("customer");
        assertThat(read.subject()).isEqualTo("无法登录");
        assertThat(read.text()).isEqualTo("The app crashes.");
        assertThat(read.attachments()).containsExactly(new Attachment("screen.png", "image/png", 10));
        assertThat(read.automatic()).isFalse();
    }

    @Test
    void text_around_an_inline_image_is_kept_in_order() throws Exception {
        InboundMail read = MailReader.read(parse("""
                From: a@customer.test
                Subject: with picture
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Before the picture.
                --b
                Content-Type: image/jpeg
                Content-Disposition: inline; filename="IMG_1.jpg"

                xyz
                --b
                Content-Type: text/plain

                After the picture.
                --b--
                """));

        assertThat(read.text()).isEqualTo("Before the picture.\n\nAfter the picture.");
        assertThat(read.attachments()).extracting(Attachment::name).containsExactly("IMG_1.jpg");
    }

    @Test
    void an_html_only_mail_gives_its_text() throws Exception {
        InboundMail read = MailReader.read(parse("""
                From: a@customer.test
                Subject: html
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Invoice&nbsp;#4711 &amp; more</p></body></html>
                """));

        assertThat(read.text()).isEqualTo("Invoice #4711 & more");
    }

    @Test
    void without_a_message_id_the_key_is_a_digest_of_the_mail_itself() throws Exception {
        String raw = """
                From: a@customer.test
                Subject: no id
                Content-Type: text/plain

                hello
                """;
        InboundMail first = MailReader.read(parse(raw));
        InboundMail again = MailReader.read(parse(raw));
        InboundMail other = MailReader.read(parse(raw.replace("hello", "hello!")));

        assertThat(first.key()).startsWith("email:raw-").isEqualTo(again.key()).isNotEqualTo(other.key());
    }

    @Test
    void the_same_message_id_gives_the_same_key() throws Exception {
        InboundMail first = MailReader.read(parse("From: a@customer.test\nMessage-ID: <x@y>\nSubject: a\n\none\n"));
        InboundMail again = MailReader.read(parse("From: b@customer.test\nMessage-ID: <x@y>\nSubject: b\n\ntwo\n"));

        assertThat(first.key()).isEqualTo(again.key());
    }

    @Test
    void a_bounce_is_marked_automatic() throws Exception {
        InboundMail read = MailReader.read(parse("""
                From: MAILER-DAEMON@mx.customer.test
                Subject: Undelivered Mail Returned to Sender
                Content-Type: text/plain

                could not deliver
                """));

        assertThat(read.automatic()).isTrue();
    }

    @Test
    void an_auto_reply_is_marked_automatic() throws Exception {
        InboundMail read = MailReader.read(parse("""
                From: a@customer.test
                Auto-Submitted: auto-replied
                Subject: Out of office
                Content-Type: text/plain

                I am away.
                """));

        assertThat(read.automatic()).isTrue();
    }

    @Test
    void a_mail_without_sender_or_with_a_broken_sender_is_unreadable() {
        assertThatThrownBy(() -> MailReader.read(parse("Subject: who?\nContent-Type: text/plain\n\nhello\n")))
                .isInstanceOf(UnreadableMailException.class).hasMessageContaining("no sender");
        assertThatThrownBy(() -> MailReader.read(parse("From: not an address\nSubject: x\n\nhello\n")))
                .isInstanceOf(UnreadableMailException.class);
    }

    @Test
    void broken_mime_and_empty_mail_are_unreadable() {
        assertThatThrownBy(() -> MailReader.read(parse("""
                From: a@customer.test
                Subject: broken
                Content-Type: multipart/mixed

                no boundary anywhere
                """))).isInstanceOf(UnreadableMailException.class);
        assertThatThrownBy(() -> MailReader.read(parse("From: a@customer.test\nContent-Type: text/plain\n\n \n")))
                .isInstanceOf(UnreadableMailException.class).hasMessageContaining("empty");
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(UTF_8)));
    }
}
