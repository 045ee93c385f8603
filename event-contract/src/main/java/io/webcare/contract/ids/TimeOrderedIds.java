package io.webcare.contract.ids;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids for rows written by the thousand per second (ingested messages, outbox events): UUIDv7, whose leading bits are
 * the time, so each new id goes to the right edge of its primary-key index instead of a random page of it. With random
 * (v4) ids the index of a table of millions outgrew the buffer cache and every insert read a page from disk. The
 * other 74 bits are random, so ids are still unique across instances and not guessable.
 */
public final class TimeOrderedIds {
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {}

    public static UUID next() {
        return GENERATOR.generate();
    }

    /**
     * The lowest id of the given millisecond: every id generated at or after {@code time} sorts after it in
     * PostgreSQL's order (the bytes from the left), every earlier one before it.
     */
    public static UUID lowestAt(Instant time) {
        long version7 = 0x7000L;
        long variant = 0x8000_0000_0000_0000L;
        return new UUID((time.toEpochMilli() << 16) | version7, variant);
    }
}
