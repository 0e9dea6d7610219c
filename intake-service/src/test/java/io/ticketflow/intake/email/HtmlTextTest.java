package io.ticketflow.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void tags_are_stripped_and_blocks_become_lines() {
        String html = "<html><body><h1>Order&nbsp;problem</h1><p>My order <b>20261123001</b> never came.</p>"
                + "<div>Line one<br>Line two<br/></div><ul><li>first</li><li>second</li></ul></body></html>";

        assertThat(HtmlText.of(html)).isEqualTo("Order problem\n\nMy order 20261123001 never came.\n\nLine one\nLine two\n\nfirst\n\nsecond");
    }

    @Test
    void scripts_styles_head_and_comments_say_nothing() {
        String html = "<html><head><title>Mail</title><style>p { color: red }</style></head>"
                + "<body><!-- tracking --><script>alert('x')</script><p>Hello</p></body></html>";

        assertThat(HtmlText.of(html)).isEqualTo("Hello");
    }

    @Test
    void character_references_are_decoded() {
        assertThat(HtmlText.of("<p>Tom &amp; Jerry &lt;3 &quot;cheese&quot; &#36;5 &#x4E2D;&#25991; &hellip; &copy;</p>"))
                .isEqualTo("Tom & Jerry <3 \"cheese\" $5 中文 … ©");
    }

    @Test
    void unknown_or_broken_references_stay_as_written_and_never_produce_surrogates() {
        assertThat(HtmlText.of("a &bogus; b &#xD800; c & d")).isEqualTo("a &bogus; b \uFFFD c & d");
    }

    @Test
    void decoded_markup_is_text_not_tags() {
        // an escaped tag in the mail is something the customer wrote: it stays visible
        assertThat(HtmlText.of("<p>use &lt;br&gt; here</p>")).isEqualTo("use <br> here");
    }

    @Test
    void chinese_text_and_whitespace_runs() {
        assertThat(HtmlText.of("<div>  您好，   订单 \n\n 未到  </div>")).isEqualTo("您好， 订单 未到");
    }

    @Test
    void nothing_in_nothing_out() {
        assertThat(HtmlText.of(null)).isEmpty();
        assertThat(HtmlText.of("<p></p><br>")).isEmpty();
    }
}
