package org.opregister.core;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.opregister.audit.NotAudited;

/**
 * Hands out record references such as INC-2026-0001: one counter per prefix and year, taken under a row lock
 * so that concurrent saves (also on other instances) never get the same number. Counters only move forward:
 * deleting a record never frees its reference.
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

    public static String next(String prefix, int year) {
        String key = prefix + "-" + year;
        ReferenceCounter counter = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new ReferenceCounter();
            counter.key = key;
            counter.nextValue = 1;
            counter.persist();
            getEntityManager().flush();
        }
        long value = counter.nextValue++;
        return String.format("%s-%d-%04d", prefix, year, value);
    }
}
