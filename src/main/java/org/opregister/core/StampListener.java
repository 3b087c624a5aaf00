package org.opregister.core;

import java.time.Instant;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Fills the created/updated stamps from the signed-in user; work without a user (seeding) is "system", except an
 * example seeded as a story, stamped with the story's people and times.
 */
public class StampListener {

    public static final String SYSTEM = "system";

    @PrePersist
    void beforeInsert(TrackedEntity entity) {
        Instant now = now();
        String user = currentUser();
        entity.createdAt = now;
        entity.createdBy = user;
        entity.updatedAt = now;
        entity.updatedBy = user;
    }

    @PreUpdate
    void beforeUpdate(TrackedEntity entity) {
        entity.updatedAt = now();
        entity.updatedBy = currentUser();
    }

    /** Now, or the time of the example being seeded ({@link Storyline}). */
    public static Instant now() {
        Storyline.Step step = Storyline.current();
        return step != null ? step.at() : AppClock.now();
    }

    public static String currentUser() {
        Storyline.Step step = Storyline.current();
        if (step != null) {
            return step.username();
        }
        String acting = Acting.current();
        if (acting != null) {
            return acting;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
            if (identity != null && !identity.isAnonymous()) {
                return identity.getPrincipal().getName();
            }
        }
        return SYSTEM;
    }
}
