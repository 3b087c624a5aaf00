package org.opregister.action;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opregister.audit.NotAudited;

/**
 * A reminder that was sent, by a key naming what it was about (e.g. {@code overdue:42:2025-03-31}). The key is the
 * primary key, so when two instances try the same reminder only the first insert succeeds.
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

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
