package org.opregister.core;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Hands out record references such as INC-2026-0001: one counter per prefix and year, taken under a row lock
 * so that concurrent saves (also on other instances) never get the same number. The first reference of a prefix
 * and year creates its counter row with {@link FirstRow}, so parallel first saves (every 1 January) wait for each
 * other instead of failing. Counters only move forward: deleting a record never frees its reference.
 */
@Entity
@NotAudited
@Table(name = "reference_counter")
public class ReferenceCounter extends PanacheEntityBase {

    @Id
    @Column(name = "counter_key", length = 40)
    public String key;

    @Column(name = "next_value", nullable = false)
    public long nextValue;

    /** A reference numbered per year: INC-2026-0001. */
    public static String next(String prefix, int year) {
        return String.format("%s-%d-%04d", prefix, year, take(prefix + "-" + year));
    }

    /** A reference numbered once for all time: RSK-0001. */
    public static String next(String prefix) {
        return String.format("%s-%04d", prefix, take(prefix));
    }

    /**
     * Runs work that numbers many records in one long transaction (an import) with numbers taken {@value #BLOCK} at
     * a time, each block in a transaction of its own: the counters are then never held locked until that transaction
     * ends, which would keep everyone else recording a record of the same kind waiting for it. The numbers of a block
     * left unused (the work ended, or was rolled back) are a gap: a number is never handed out twice. A rehearsal (a
     * dry run, always rolled back) takes no number at all: its records are numbered from {@value #REHEARSAL_FROM}
     * on, which no kept record reaches.
     */
    public static void inBlocks(boolean rehearsal, Runnable work) {
        BLOCKS.run(new Blocks(rehearsal), work);
    }

    static final int BLOCK = 100;
    static final long REHEARSAL_FROM = 1_000_000_000L;

    private static final ThreadScoped<Blocks> BLOCKS = new ThreadScoped<>();

    /** The numbers in hand, by counter: the next one and the end of its block. */
    private static final class Blocks {

        private final boolean rehearsal;
        private final Map<String, long[]> ranges = new HashMap<>();

        Blocks(boolean rehearsal) {
            this.rehearsal = rehearsal;
        }

        long take(String key) {
            long[] range = ranges.get(key);
            if (range == null || range[0] == range[1]) {
                long first = rehearsal
                        ? REHEARSAL_FROM
                        : QuarkusTransaction.requiringNew().call(() -> locked(key).reserve(BLOCK));
                range = new long[]{first, rehearsal ? Long.MAX_VALUE : first + BLOCK};
                ranges.put(key, range);
            }
            return range[0]++;
        }
    }

    private static long take(String key) {
        Blocks blocks = BLOCKS.get();
        return blocks != null ? blocks.take(key) : locked(key).reserve(1);
    }

    /** The counter, locked until the transaction ends; created at 1 when it is the first of its kind. */
    private static ReferenceCounter locked(String key) {
        ReferenceCounter counter = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            FirstRow.insertIfAbsent("insert into reference_counter (counter_key, next_value) values (?, 1)", key);
            counter = findById(key, LockModeType.PESSIMISTIC_WRITE);
        }
        return counter;
    }

    /** The next {@code count} numbers: answers the first. */
    private long reserve(int count) {
        long first = nextValue;
        nextValue += count;
        return first;
    }
}
