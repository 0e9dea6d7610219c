package io.ticketflow.intake.numbering;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Hands out ticket numbers {@code YYYYMM-NNNNNN}: the month in the configured zone and a serial
 * that starts at 000001 every month. Serials come from blocks reserved in the monthly counter and
 * are handed out from memory; a new month or an exhausted block reserves the next block.
 */
public class TicketNumbers {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final SerialBlocks blocks;
    private final Clock clock;
    private final int blockSize;
    private SerialBlock block;
    private long next;

    TicketNumbers(SerialBlocks blocks, Clock clock, NumberingProperties properties) {
        this.blocks = blocks;
        this.clock = clock.withZone(properties.zone());
        this.blockSize = properties.blockSize();
    }

    /** The next ticket number. */
    public synchronized String next() {
        YearMonth month = YearMonth.now(clock);
        if (block == null || !block.month().equals(month) || next > block.last()) {
            block = blocks.reserve(month, blockSize);
            next = block.first();
        }
        return format(month, next++);
    }

    static String format(YearMonth month, long serial) {
        return month.format(MONTH) + "-" + String.format(Locale.ROOT, "%06d", serial);
    }
}
