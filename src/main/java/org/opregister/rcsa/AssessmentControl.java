package org.opregister.rcsa;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.control.Control;
import org.opregister.control.Effectiveness;
import org.opregister.core.TrackedEntity;
import org.opregister.risk.Risk;

/** The rating of one control linked to the risk, inside an assessment task. */
@Entity
@Table(name = "assessment_control")
public class AssessmentControl extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_control_seq")
    @SequenceGenerator(name = "assessment_control_seq", sequenceName = "assessment_control_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    public AssessmentTask task;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "control_id", nullable = false, updatable = false)
    public Control control;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_design", nullable = false, length = 30)
    public Effectiveness beforeDesign;

    @Enumerated(EnumType.STRING)
    @Column(name = "before_operating", nullable = false, length = 30)
    public Effectiveness beforeOperating;

    @Enumerated(EnumType.STRING)
    @Column(name = "design_effectiveness", nullable = false, length = 30)
    public Effectiveness designEffectiveness;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_effectiveness", nullable = false, length = 30)
    public Effectiveness operatingEffectiveness;

    @Column(name = "rating_comment", length = Risk.COMMENT_MAX)
    public String comment;

    @Override
    public String auditLabel() {
        return task.auditLabel() + " / " + control.reference;
    }

    @Override
    public Object auditParent() {
        return task.campaign;
    }

    static List<AssessmentControl> ofTask(AssessmentTask task) {
        return list("task = ?1 order by control.reference", task);
    }

    static AssessmentControl inTask(AssessmentTask task, Control control) {
        return find("task = ?1 and control = ?2", task, control).firstResult();
    }

    /** Control ratings with their task, campaign, risk and control, of one campaign (by reference) or all. */
    static java.util.stream.Stream<AssessmentControl> streamForExport(String campaignReference) {
        String where = campaignReference == null ? "" : " where c.reference = :campaign";
        var query = getEntityManager().createQuery("select a from AssessmentControl a join fetch a.task t"
                + " join fetch t.campaign c join fetch t.risk r join fetch a.control k" + where
                + " order by c.periodEnd, c.id, r.reference, k.reference", AssessmentControl.class);
        if (campaignReference != null) {
            query.setParameter("campaign", campaignReference);
        }
        return query.getResultStream();
    }
}
