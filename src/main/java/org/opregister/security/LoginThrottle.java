package org.opregister.security;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opregister.audit.NotAudited;

/**
 * Failed sign-ins in a row per username tried. Kept for any name, existing account or not, so that a lock-out
 * says nothing about which accounts exist.
 */
@Entity
@NotAudited
@Table(name = "login_throttle")
public class LoginThrottle extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String username;

    @Column(nullable = false)
    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
