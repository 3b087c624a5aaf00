package org.opregister.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.core.ClusterLock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.RuleViolationException;

/**
 * Changes to the legal-entity list (managers). Changes that touch which entity is the default, or that could
 * clash on a code, hold the {@link #LOCK}, so exactly one entity stays the default.
 */
@ApplicationScoped
public class LegalEntityService {

    public static final String LOCK = "legal-entities";

    @Transactional
    public LegalEntity create(LegalEntityForm.Entity typed, FieldErrors errors) {
        ClusterLock.hold(LOCK);
        if (typed.code() != null && LegalEntity.byCode(typed.code()) != null) {
            errors.add("code", "error.legalEntityCodeTaken", typed.code());
        }
        Edits.failIfAny(errors);
        LegalEntity entity = new LegalEntity();
        entity.code = typed.code();
        entity.name = typed.name();
        entity.lei = typed.lei();
        entity.active = true;
        entity.isDefault = false;
        entity.persist();
        return entity;
    }

    @Transactional
    public LegalEntity update(long id, LegalEntityForm.Entity typed, FieldErrors errors) {
        return Edits.guarded(() -> {
            LegalEntity entity = Records.require(LegalEntity.class, id);
            if (errors.has(FieldErrors.FORM)) {
                Edits.failIfAny(errors);
            }
            Edits.requireVersion(typed.version(), entity.version);
            Edits.failIfAny(errors);
            entity.name = typed.name();
            entity.lei = typed.lei();
            return entity;
        });
    }

    /** Deactivates or reactivates an entity; the default entity stays active. */
    @Transactional
    public LegalEntity setActive(long id, long version, boolean active) {
        return Edits.guarded(() -> {
            ClusterLock.hold(LOCK);
            LegalEntity entity = Records.require(LegalEntity.class, id);
            Edits.requireVersion(version, entity.version);
            if (!active && entity.isDefault) {
                throw new RuleViolationException("error.legalEntityDefaultActive");
            }
            entity.active = active;
            return entity;
        });
    }

    /** Makes an active entity the default; the previous default keeps its place in the list, without the flag. */
    @Transactional
    public LegalEntity makeDefault(long id, long version) {
        return Edits.guarded(() -> {
            ClusterLock.hold(LOCK);
            LegalEntity entity = Records.require(LegalEntity.class, id);
            Edits.requireVersion(version, entity.version);
            if (!entity.active) {
                throw new RuleViolationException("error.legalEntityInactiveDefault");
            }
            LegalEntity.<LegalEntity>list("isDefault = true and id <> ?1", entity.id)
                    .forEach(previous -> previous.isDefault = false);
            entity.isDefault = true;
            return entity;
        });
    }
}
