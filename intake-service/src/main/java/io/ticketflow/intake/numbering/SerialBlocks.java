package io.ticketflow.intake.numbering;

import java.time.YearMonth;

/** Where monthly serials are reserved; every reservation is disjoint from every other, across instances. */
interface SerialBlocks {

    /** Reserves the next {@code size} serials of the month. The first reservation of a month starts at 1. */
    SerialBlock reserve(YearMonth month, int size);
}
