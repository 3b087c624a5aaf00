package org.opregister.risk;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.control.Control;
import org.opregister.core.NotAudited;
import org.opregister.core.TrackedEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** An operational risk in the register, with its inherent (before controls) and residual (after) ratings. */
@Entity
@Table(name = "risk")
public class Risk extends TrackedEntity implements AuditSubject {

    public static final int EXTERNAL_REFERENCE_MAX = 64;

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int COMMENT_MAX = 2000;
    public static final int NAME_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_seq")
    @SequenceGenerator(name = "risk_seq", sequenceName = "risk_seq", allocationSize = 50)
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
    @Column(name = "event_category", nullable = false, length = 40)
    public EventCategory eventCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_line", nullable = false, length = 40)
    public BusinessLine businessLine;

    @Column(name = "org_unit", nullable = false, length = NAME_MAX)
    public String orgUnit;

    @Column(nullable = false, length = NAME_MAX)
    public String owner;

    /** The user who answers this risk's self-assessments; the owner above may be a role with no account. */
    @Column(length = 64)
    public String assessor;

    @Column(name = "inherent_likelihood", nullable = false)
    public int inherentLikelihood;

    @Column(name = "inherent_impact", nullable = false)
    public int inherentImpact;

    @NotAudited
    @Column(name = "inherent_score", nullable = false)
    public int inherentScore;

    @Column(name = "residual_likelihood", nullable = false)
    public int residualLikelihood;

    @Column(name = "residual_impact", nullable = false)
    public int residualImpact;

    @NotAudited
    @Column(name = "residual_score", nullable = false)
    public int residualScore;

    /** Why the residual rating is what it is; required where it exceeds the inherent one. */
    @Column(name = "residual_comment", length = COMMENT_MAX)
    public String residualComment;

    @Column(length = COMMENT_MAX)
    public String appetite;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RiskStatus status = RiskStatus.ACTIVE;

    /**
     * The manager who last set the current ratings outside an assessment, when, and why; cleared by the next approval.
     */
    @Column(name = "ratings_overridden_by", length = 64)
    public String ratingsOverriddenBy;

    @Column(name = "ratings_overridden_at")
    public Instant ratingsOverriddenAt;

    @Column(name = "ratings_override_reason", length = COMMENT_MAX)
    public String ratingsOverrideReason;

    public Rating inherent() {
        return new Rating(inherentLikelihood, inherentImpact);
    }

    public Rating residual() {
        return new Rating(residualLikelihood, residualImpact);
    }

    public void clearOverride() {
        ratingsOverriddenBy = null;
        ratingsOverriddenAt = null;
        ratingsOverrideReason = null;
    }

    @PrePersist
    @PreUpdate
    void score() {
        inherentScore = inherentLikelihood * inherentImpact;
        residualScore = residualLikelihood * residualImpact;
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
        return "/risks/" + id;
    }

    public List<Control> controls() {
        return RiskControl.controlsOf(this);
    }

    public static PageResult<Risk> search(RiskFilter filter, String sort, PageRequest page) {
        RiskFilter.Query query = filter.query();
        return PageResult.of(find(query.where() + " order by " + RiskFilter.orderBy(sort), query.parameters()), page);
    }

    public static java.util.stream.Stream<Risk> streamAll(RiskFilter filter, String sort) {
        RiskFilter.Query query = filter.query();
        return stream(query.where() + " order by " + RiskFilter.orderBy(sort), query.parameters());
    }

    public static List<Risk> active() {
        return list("status = ?1 order by reference", RiskStatus.ACTIVE);
    }

    public static Optional<Risk> findByExternalReference(String externalReference) {
        return find("externalReference", externalReference).firstResultOptional();
    }
}
