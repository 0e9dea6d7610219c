package io.ticketflow.intake.numbering;

import java.time.YearMonth;

/** A range of serials of one month, reserved for this instance alone: {@code first..last}, both included. */
record SerialBlock(YearMonth month, long first, long last) {

    SerialBlock {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("bad serial block " + first + ".." + last);
        }
    }
}
