package org.opregister.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;
import org.opregister.web.LikePattern;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** A control in the library: what it does, how and how often, who owns it, and how effective it is. */
@Entity
@Table(name = "internal_control")
public class Control extends TrackedEntity implements AuditSubject {

    public static final int EXTERNAL_REFERENCE_MAX = 64;

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int COMMENT_MAX = 2000;
    public static final int NAME_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "internal_control_seq")
    @SequenceGenerator(name = "internal_control_seq", sequenceName = "internal_control_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    /** The bank's own reference, from the system it was imported from; null when recorded here. */
    @Column(name = "external_reference", unique = true, length = EXTERNAL_REFERENCE_MAX)
    public String externalReference;

    @Column(nullable = false, length = TITLE_MAX)
    public String title;

    @Column(length = TEXT_MAX)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "control_type", nullable = false, length = 20)
    public ControlType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ControlNature nature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ControlFrequency frequency;

    @Column(nullable = false, length = NAME_MAX)
    public String owner;

    /** The user who certifies this control in self-certification campaigns. */
    @Column(length = 64)
    public String attester;

    @Enumerated(EnumType.STRING)
    @Column(name = "design_effectiveness", nullable = false, length = 30)
    public Effectiveness designEffectiveness = Effectiveness.NOT_TESTED;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_effectiveness", nullable = false, length = 30)
    public Effectiveness operatingEffectiveness = Effectiveness.NOT_TESTED;

    @Column(name = "key_control", nullable = false)
    public boolean keyControl;

    /** The manager who last set the effectiveness outside an assessment or a test, when, and why. */
    @Column(name = "effectiveness_overridden_by", length = 64)
    public String effectivenessOverriddenBy;

    @Column(name = "effectiveness_overridden_at")
    public Instant effectivenessOverriddenAt;

    @Column(name = "effectiveness_override_reason", length = COMMENT_MAX)
    public String effectivenessOverrideReason;

    public void clearOverride() {
        effectivenessOverriddenBy = null;
        effectivenessOverriddenAt = null;
        effectivenessOverrideReason = null;
    }

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public String auditTitle() {
        return title;
    }

    @Override
    public String auditPath() {
        return "/controls/" + id;
    }

    public static PageResult<Control> search(String q, PageRequest page) {
        String like = " like ?1" + LikePattern.ESCAPE;
        String where = q == null
                ? "1 = 1"
                : "lower(reference)" + like + " or lower(title)" + like + " or lower(owner)" + like;
        Object[] parameters = q == null ? new Object[0] : new Object[]{LikePattern.contains(q)};
        return PageResult.of(find(where + " order by reference", parameters), page);
    }

    public static List<Control> all() {
        return list("order by reference");
    }

    /** Key controls not working: operating effectiveness partially effective, ineffective or not in place. */
    public static long weakKeyControls() {
        return count("keyControl = true and operatingEffectiveness in ?1",
                List.of(Effectiveness.INEFFECTIVE, Effectiveness.NOT_IN_PLACE, Effectiveness.PARTIALLY_EFFECTIVE));
    }

    public static Optional<Control> findByExternalReference(String externalReference) {
        return find("externalReference", externalReference).firstResultOptional();
    }
}
