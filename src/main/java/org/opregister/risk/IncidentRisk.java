package org.opregister.risk;

import java.math.BigDecimal;
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
import org.opregister.core.TrackedEntity;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentLinks;

/** A risk that materialised in an incident. */
@Entity
@Table(name = "incident_risk")
public class IncidentRisk extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_risk_seq")
    @SequenceGenerator(name = "incident_risk_seq", sequenceName = "incident_risk_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    public Incident incident;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "risk_id", nullable = false, updatable = false)
    public Risk risk;

    @Override
    public String auditLabel() {
        return incident.reference + " ↔ " + risk.reference;
    }

    @Override
    public Object auditParent() {
        return incident;
    }

    public static List<Risk> risksOf(Incident incident) {
        return getEntityManager().createQuery("select l.risk from IncidentRisk l where l.incident = :incident"
                + " order by l.risk.reference", Risk.class).setParameter("incident", incident).getResultList();
    }

    /** The active risks not linked to the incident yet, by reference: only what the picker shows is read. */
    public static List<IncidentLinks.Pickable> linkableTo(Incident incident) {
        return getEntityManager().createQuery("select r.id, r.reference, r.title from Risk r where r.status = :active"
                + " and not exists (select l.id from IncidentRisk l where l.risk = r and l.incident = :incident)"
                + " order by r.reference", Object[].class)
                .setParameter("active", RiskStatus.ACTIVE)
                .setParameter("incident", incident)
                .getResultStream()
                .map(row -> new IncidentLinks.Pickable((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    public static List<Incident> incidentsOf(Risk risk) {
        return getEntityManager().createQuery("select l.incident from IncidentRisk l where l.risk = :risk"
                + " order by l.incident.occurrenceDate desc, l.incident.id desc", Incident.class)
                .setParameter("risk", risk).getResultList();
    }

    /** Net loss of all incidents in which the risk materialised (reporting currency). */
    public static BigDecimal netLossOf(Risk risk) {
        return getEntityManager().createQuery("select coalesce(sum(l.incident.netLoss), 0) from IncidentRisk l"
                + " where l.risk = :risk", BigDecimal.class).setParameter("risk", risk).getSingleResult();
    }

    static IncidentRisk find(Incident incident, Risk risk) {
        return find("incident = ?1 and risk = ?2", incident, risk).firstResult();
    }
}
