package org.opregister.action;

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
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.opregister.audit.AuditSubject;
import org.opregister.audit.RefersTo;
import org.opregister.core.TrackedEntity;
import org.opregister.kri.KriBreach;

/** What an action plan remediates: an incident, risk, control, KRI breach or control test, by type and id. */
@Entity
@Table(name = "action_source")
public class ActionSource extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_source_seq")
    @SequenceGenerator(name = "action_source_seq", sequenceName = "action_source_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_id", nullable = false, updatable = false)
    public ActionPlan action;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false, updatable = false, length = 20)
    public SourceType type;

    @RefersTo(kindField = "type")
    @Column(name = "source_id", nullable = false, updatable = false)
    public long sourceId;

    @Override
    public String auditLabel() {
        return action.reference + " ← " + Sources.label(type, sourceId);
    }

    @Override
    public Object auditParent() {
        return action;
    }

    public String label() {
        return Sources.label(type, sourceId);
    }

    /** The record as a file names it, so that an import reads it back: its reference (a KRI breach: its number). */
    public String reference() {
        return Sources.reference(type, sourceId);
    }

    public String link() {
        return Sources.link(type, sourceId);
    }

    static List<ActionSource> of(ActionPlan action) {
        return list("action = ?1 order by type, sourceId", action);
    }

    static ActionSource find(ActionPlan action, SourceType type, long sourceId) {
        return find("action = ?1 and type = ?2 and sourceId = ?3", action, type, sourceId).firstResult();
    }

    /** The action plans of a source, open ones first, soonest due first. */
    public static List<ActionPlan> actionsOf(SourceType type, long sourceId) {
        return getEntityManager().createQuery("select s.action from ActionSource s where s.type = :type"
                + " and s.sourceId = :id order by s.action.dueDate, s.action.id", ActionPlan.class)
                .setParameter("type", type).setParameter("id", sourceId).getResultList();
    }

    /** The plans raised from any breach of the KRI. */
    public static List<ActionPlan> actionsOfKri(long kriId) {
        CriteriaBuilder cb = getEntityManager().getCriteriaBuilder();
        CriteriaQuery<ActionPlan> query = cb.createQuery(ActionPlan.class);
        Root<ActionSource> source = query.from(ActionSource.class);
        Subquery<Long> breaches = query.subquery(Long.class);
        Root<KriBreach> breach = breaches.from(KriBreach.class);
        breaches.select(breach.<Long>get("id")).where(cb.equal(breach.get("kri").get("id"), kriId));
        query.select(source.get("action")).distinct(true)
                .where(cb.equal(source.get("type"), SourceType.KRI_BREACH), source.get("sourceId").in(breaches));
        return getEntityManager().createQuery(query).getResultList();
    }
}
