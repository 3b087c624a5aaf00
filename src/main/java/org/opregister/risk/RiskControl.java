package org.opregister.risk;

import java.util.List;

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
import org.opregister.control.Control;
import org.opregister.core.TrackedEntity;

/** A control mitigating a risk. A record of its own, so each link made or removed is in the audit trail. */
@Entity
@Table(name = "risk_control")
public class RiskControl extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_control_seq")
    @SequenceGenerator(name = "risk_control_seq", sequenceName = "risk_control_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "risk_id", nullable = false, updatable = false)
    public Risk risk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "control_id", nullable = false, updatable = false)
    public Control control;

    @Override
    public String auditLabel() {
        return risk.reference + " ↔ " + control.reference;
    }

    @Override
    public Object auditParent() {
        return risk;
    }

    static List<Control> controlsOf(Risk risk) {
        return getEntityManager().createQuery("select l.control from RiskControl l where l.risk = :risk"
                + " order by l.control.reference", Control.class).setParameter("risk", risk).getResultList();
    }

    static List<Risk> risksOf(Control control) {
        return getEntityManager().createQuery("select l.risk from RiskControl l where l.control = :control"
                + " order by l.risk.reference", Risk.class).setParameter("control", control).getResultList();
    }

    static RiskControl find(Risk risk, Control control) {
        return find("risk = ?1 and control = ?2", risk, control).firstResult();
    }
}
