package org.opregister.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

import org.opregister.core.NotAudited;

/** A browser session that is still valid; signing out deletes it. Sign-ins and sign-outs are audited as events. */
@Entity
@NotAudited
@Table(name = "user_session")
public class UserSession extends PanacheEntityBase {

    public static final String COOKIE = "oprisk-sid";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The OpenID Connect ID token the session was opened with; sent back to the provider at sign-out. */
    @Column(name = "id_token", length = 16384)
    public String idToken;

    /** The browser's cookie that names the session (beside the form mechanism's encrypted one). */
    static Cookie cookie(String id, boolean secure) {
        return Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }

    static UserSession open(String username, Instant now, String idToken) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        UserSession session = new UserSession();
        session.id = HexFormat.of().formatHex(bytes);
        session.username = username;
        session.createdAt = now;
        session.idToken = idToken;
        session.persist();
        return session;
    }

    /** Whether the id names a live session of that user, younger than the longest a session may last. */
    static boolean valid(String id, String username, Instant now, Duration lifetime) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return false;
        }
        UserSession session = findById(id);
        return session != null && session.username.equals(username) && session.createdAt.plus(lifetime).isAfter(now);
    }

    /** Ends the session; answers the ID token it was opened with, if any. */
    static Optional<String> close(String id) {
        if (id == null || !id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Optional<String> idToken = UserSession.<UserSession>findByIdOptional(id).map(session -> session.idToken);
        deleteById(id);
        return idToken;
    }

    /** Ends every session of the user except the one named (null ends them all); answers how many ended. */
    static long endAllOf(String username, String except) {
        return except == null ? delete("username", username) : delete("username = ?1 and id <> ?2", username, except);
    }

    static void purgeOlderThan(Instant cutoff) {
        delete("createdAt < ?1", cutoff);
    }
}
