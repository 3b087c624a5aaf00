package org.opregister.dora;

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
 * A DORA reminder claimed for sending, then sent, by a key naming the record, stage, time limit and recipient. The
 * key is the primary key, so of two instances only the first claims it; a claim left unsent is taken over after
 * {@link #LEASE} (the idea of {@code action.ReminderLog}).
 */
@Entity
@NotAudited
@Table(name = "dora_reminder_sent")
public class DoraReminderLog extends PanacheEntityBase {

    static final Duration LEASE = Duration.ofMinutes(30);

    @Id
    @Column(name = "reminder_key", length = 200)
    public String key;

    @Column(nullable = false, length = 64)
    public String recipient;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Claims the reminder in the current transaction; false when it was sent, or is being sent elsewhere. */
    static boolean claim(String key, String recipient, Instant now) {
        if (FirstRow.insertIfAbsent(
                "insert into dora_reminder_sent (reminder_key, recipient, claimed_at) values (?, ?, ?)", key,
                recipient, now)) {
            return true;
        }
        DoraReminderLog log = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (log == null || log.sentAt != null || log.claimedAt.plus(LEASE).isAfter(now)) {
            return false;
        }
        log.claimedAt = now;
        return true;
    }

    static void sent(String key, Instant now) {
        DoraReminderLog log = findById(key);
        if (log != null) {
            log.sentAt = now;
        }
    }
}
