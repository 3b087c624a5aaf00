package org.opregister.action;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;

/** A dated progress update posted by the owner. */
@Entity
@Table(name = "action_update")
public class ActionUpdate extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_update_seq")
    @SequenceGenerator(name = "action_update_seq", sequenceName = "action_update_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_id", nullable = false, updatable = false)
    public ActionPlan action;

    @Column(name = "update_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public int progress;

    @Column(nullable = false, length = ActionPlan.TEXT_MAX)
    public String note;

    @Override
    public String auditLabel() {
        return action.reference + " update " + date;
    }

    @Override
    public Object auditParent() {
        return action;
    }

    public static List<ActionUpdate> of(ActionPlan action) {
        return list("action = ?1 order by date desc, id desc", action);
    }
}
