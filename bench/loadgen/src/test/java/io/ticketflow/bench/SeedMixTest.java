package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedMixTest {

    private static final int N = 40_000;

    @Test
    void naturesChannelsAndVipsFollowTheMix() {
        SeedMix mix = new SeedMix(7);
        Map<SeedMix.Nature, Integer> natures = new EnumMap<>(SeedMix.Nature.class);
        Map<String, Integer> channels = new HashMap<>();
        int vips = 0;
        int outages = 0;
        for (int i = 0; i < N; i++) {
            SeedMix.TicketRequest t = mix.next();
            natures.merge(t.nature(), 1, Integer::sum);
            channels.merge(t.channel(), 1, Integer::sum);
            vips += t.vip() ? 1 : 0;
            outages += t.outage() ? 1 : 0;
        }
        // 40 / 35 / 25 % of the source documents, within 1 point on 40,000 draws (about 4 standard deviations)
        assertThat(share(natures.get(SeedMix.Nature.COMPLAINT))).isCloseTo(0.40, within(0.01));
        assertThat(share(natures.get(SeedMix.Nature.CONSULTATION))).isCloseTo(0.35, within(0.01));
        assertThat(share(natures.get(SeedMix.Nature.SUGGESTION))).isCloseTo(0.25, within(0.01));
        SeedMix.CHANNELS.forEach((channel, expected) -> assertThat(share(channels.get(channel))).as(channel).isCloseTo(expected, within(0.01)));
        assertThat(share(vips)).isCloseTo(SeedMix.VIP_SHARE, within(0.005));
        assertThat(share(outages)).isCloseTo(0.40 * SeedMix.OUTAGE_SHARE_OF_COMPLAINTS, within(0.003));
    }

    @Test
    void theTextCarriesTheWordsIntakeClassifiesBy() {
        SeedMix mix = new SeedMix(1);
        for (int i = 0; i < 2_000; i++) {
            SeedMix.TicketRequest t = mix.next();
            String expected = switch (t.nature()) {
                case COMPLAINT -> "投诉";
                case CONSULTATION -> "咨询";
                case SUGGESTION -> "建议";
            };
            assertThat(t.description()).contains(expected);
            assertThat(t.tags()).isNotEmpty().allMatch(SeedMix.TAGS::contains);
            assertThat(t.customerId()).startsWith(t.vip() ? "c-vip-" : "c-");
            if (t.outage()) {
                assertThat(t.description()).contains("all users").contains("E1001");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTickets() {
        SeedMix a = new SeedMix(42);
        SeedMix b = new SeedMix(42);
        for (int i = 0; i < 100; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    private static double share(int count) {
        return (double) count / N;
    }
}
