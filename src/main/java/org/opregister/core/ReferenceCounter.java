package org.opregister.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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

    private static long take(String key) {
        ReferenceCounter counter = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            FirstRow.insertIfAbsent("insert into reference_counter (counter_key, next_value) values (?, 1)", key);
            counter = findById(key, LockModeType.PESSIMISTIC_WRITE);
        }
        return counter.nextValue++;
    }
}
