package org.opregister.action;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.core.FirstRow;
import org.opregister.core.NotAudited;

/**
 * A reminder claimed for sending, then sent, by a key naming what it was about (e.g. {@code overdue:42:2025-03-31}).
 * The key is the primary key, so when two instances try the same reminder only the first claims it. Delivery is
 * at least once: a claim left unsent by an instance that died is taken over once {@link #LEASE} has passed, so a
 * reminder is never lost, and is sent twice only if an instance dies between sending and recording it.
 */
@Entity
@NotAudited
@Table(name = "reminder_sent")
public class ReminderLog extends PanacheEntityBase {

    @Id
    @Column(name = "reminder_key", length = 200)
    public String key;

    @Column(nullable = false, length = 64)
    public String recipient;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    /** Null while claimed and not yet sent. */
    @Column(name = "sent_at")
    public Instant sentAt;

    /** How long a claim stays with the instance that made it: far longer than sending one e-mail takes. */
    static final Duration LEASE = Duration.ofMinutes(30);

    /** Claims the reminder in the current transaction; false when it was sent, or is being sent elsewhere. */
    static boolean claim(String key, String recipient, Instant now) {
        if (FirstRow.insertIfAbsent("insert into reminder_sent (reminder_key, recipient, claimed_at) values (?, ?, ?)",
                key, recipient, now)) {
            return true;
        }
        ReminderLog log = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (log == null || log.sentAt != null || log.claimedAt.plus(LEASE).isAfter(now)) {
            return false;
        }
        log.claimedAt = now;
        return true;
    }

    static void sent(String key, Instant now) {
        ReminderLog log = findById(key);
        if (log != null) {
            log.sentAt = now;
        }
    }
}
