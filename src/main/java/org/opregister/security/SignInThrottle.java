package org.opregister.security;

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
 * Failed sign-ins counted per username tried (existing account or not, so a lock-out says nothing about which
 * accounts exist) and per client address, each within a window. Every failure is counted, also when many arrive at
 * once: the row is created once ({@link FirstRow}) and then changed under a row lock.
 */
@Entity
@NotAudited
@Table(name = "sign_in_throttle")
public class SignInThrottle extends PanacheEntityBase {

    private static final int KEY_MAX = 200;

    @Id
    @Column(name = "throttle_key", length = 250)
    public String key;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /** Case ignored: a directory matches names so, and "Alice" must not get five more tries than "alice". */
    static String userKey(String username) {
        return "user:" + cut(username.toLowerCase(java.util.Locale.ROOT));
    }

    static String addressKey(String address) {
        return "address:" + cut(address);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    static boolean locked(String key, Instant now) {
        SignInThrottle throttle = findById(key);
        return throttle != null && throttle.lockedAt(now);
    }

    /** The key's row, created when missing, locked until the transaction ends. */
    static SignInThrottle lock(String key, Instant now) {
        FirstRow.insertIfAbsent("insert into sign_in_throttle (throttle_key, failures, window_start) values (?, 0, ?)",
                key, now);
        return findById(key, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Counts one failure within the window; the failure that reaches the limit locks the key for one window.
     * Answers whether the key is locked now.
     */
    boolean fail(Instant now, int limit, Duration window) {
        if (lockedAt(now)) {
            return true;
        }
        if (!windowStart.plus(window).isAfter(now)) {
            failures = 0;
            windowStart = now;
        }
        failures++;
        if (failures >= limit) {
            failures = 0;
            windowStart = now;
            lockedUntil = now.plus(window);
            return true;
        }
        return false;
    }

    /**
     * Ends the username's run of failures and any lock (an administrator's reset). Rows are reset, never deleted, so
     * a writer waiting for the row's lock always finds it.
     */
    static void clearUser(String username) {
        update("failures = 0, lockedUntil = null where key = ?1", userKey(username));
    }

    /** A correct password ends the run of failures for the username (an address keeps its count). */
    void succeeded(Instant now) {
        failures = 0;
        windowStart = now;
    }

    private static String cut(String text) {
        return text.length() > KEY_MAX ? text.substring(0, KEY_MAX) : text;
    }
}
