package org.opregister.reference;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;

/**
 * A legal entity of the group, a list managers keep. Exactly one entity is the default ({@link #isDefault}): the
 * migration creates it ({@code MAIN}, "Main legal entity"); a manager may make another active entity the default,
 * which takes the flag off the previous one. The default is always active (it cannot be deactivated).
 */
@Entity
@Table(name = "legal_entity")
public class LegalEntity extends TrackedEntity implements AuditSubject {

    public static final int CODE_MAX = 20;
    public static final int NAME_MAX = 200;
    /** The code of the entity the migration creates. */
    public static final String MAIN = "MAIN";
    /** Its name as the migration creates it. */
    public static final String MAIN_NAME = "Main legal entity";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "legal_entity_seq")
    @SequenceGenerator(name = "legal_entity_seq", sequenceName = "legal_entity_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = CODE_MAX)
    public String code;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    /** The ISO 17442 Legal Entity Identifier, if the entity has one ({@link Lei}). */
    @Column(length = Lei.LENGTH)
    public String lei;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Override
    public String auditLabel() {
        return code;
    }

    @Override
    public String auditTitle() {
        return name;
    }

    @Override
    public String auditPath() {
        return "/legal-entities/" + id + "/edit";
    }

    /** The default legal entity: the one flagged default (active by rule), else the first active by code. */
    public static LegalEntity defaultEntity() {
        LegalEntity flagged = find("isDefault = true and active = true").firstResult();
        return flagged != null ? flagged : find("active = true order by code").firstResult();
    }

    /** The active entities, by code (for choices). */
    public static List<LegalEntity> active() {
        return list("active = true order by code");
    }

    public static List<LegalEntity> all() {
        return list("order by active desc, code");
    }

    static LegalEntity byCode(String code) {
        return find("code", code).firstResult();
    }
}
