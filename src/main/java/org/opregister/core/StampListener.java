package org.opregister.core;

import java.time.Instant;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/** Fills the created/updated stamps from the signed-in user; work without a user (seeding) is "system". */
public class StampListener {

    public static final String SYSTEM = "system";

    @PrePersist
    void beforeInsert(TrackedEntity entity) {
        Instant now = AppClock.now();
        String user = currentUser();
        entity.createdAt = now;
        entity.createdBy = user;
        entity.updatedAt = now;
        entity.updatedBy = user;
    }

    @PreUpdate
    void beforeUpdate(TrackedEntity entity) {
        entity.updatedAt = AppClock.now();
        entity.updatedBy = currentUser();
    }

    public static String currentUser() {
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
