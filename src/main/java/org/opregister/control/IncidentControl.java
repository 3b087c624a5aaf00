package org.opregister.control;

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

/** A control that failed (or was missing) in an incident. */
@Entity
@Table(name = "incident_control")
public class IncidentControl extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_control_seq")
    @SequenceGenerator(name = "incident_control_seq", sequenceName = "incident_control_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    public Incident incident;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "control_id", nullable = false, updatable = false)
    public Control control;

    @Override
    public String auditLabel() {
        return incident.reference + " ↔ " + control.reference;
    }

    @Override
    public Object auditParent() {
        return incident;
    }

    public static List<Control> controlsOf(Incident incident) {
        return getEntityManager().createQuery("select l.control from IncidentControl l where l.incident = :incident"
                + " order by l.control.reference", Control.class).setParameter("incident", incident).getResultList();
    }

    /** The controls not linked to the incident yet, by reference: only what the picker shows is read. */
    public static List<IncidentLinks.Pickable> linkableTo(Incident incident) {
        return getEntityManager().createQuery("select c.id, c.reference, c.title from Control c"
                + " where not exists (select l.id from IncidentControl l where l.control = c and l.incident = :incident)"
                + " order by c.reference", Object[].class)
                .setParameter("incident", incident)
                .getResultStream()
                .map(row -> new IncidentLinks.Pickable((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    public static List<Incident> incidentsOf(Control control) {
        return getEntityManager().createQuery("select l.incident from IncidentControl l where l.control = :control"
                + " order by l.incident.occurrenceDate desc, l.incident.id desc", Incident.class)
                .setParameter("control", control).getResultList();
    }

    static IncidentControl find(Incident incident, Control control) {
        return find("incident = ?1 and control = ?2", incident, control).firstResult();
    }
}
