package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateShapeTest {

    @Test
    void flatSpacesTicketsEvenly() {
        RateShape flat = new RateShape(RateShape.Kind.FLAT, 500, 300);
        assertThat(flat.total()).isEqualTo(150_000);
        assertThat(flat.dueAt(0)).isEqualTo(0);
        assertThat(flat.dueAt(500)).isCloseTo(1.0, within(1e-9));
        assertThat(flat.dueAt(149_999)).isLessThan(300);
    }

    @Test
    void peaksCarryFortyPercentInFourHoursOfTheCompressedDay() {
        RateShape peaks = new RateShape(RateShape.Kind.PEAKS, 100, 240); // 24 "hours" of 10 s
        long total = peaks.total();
        long inPeaks = 0;
        double previous = -1;
        for (long i = 0; i < total; i++) {
            double due = peaks.dueAt(i);
            assertThat(due).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(240);
            previous = due;
            int hour = peaks.hourOf(due);
            if (hour == 9 || hour == 10 || hour == 17 || hour == 18) {
                inPeaks++;
            }
        }
        assertThat((double) inPeaks / total).isCloseTo(0.40, within(0.001));
        // the mean rate is the target: the last ticket is due at the very end
        assertThat(peaks.dueAt(total - 1)).isCloseTo(240, within(0.1));
        assertThat(RateShape.hourWeight(9)).isCloseTo(2.4, within(1e-9));
        assertThat(RateShape.hourWeight(3)).isCloseTo(0.72, within(1e-9));
    }
}
