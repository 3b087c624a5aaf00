package org.opregister.ict;

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

/** An incident in which an ICT provider was involved, optionally under one of its contracts. */
@Entity
@Table(name = "ict_incident_provider")
public class IncidentProvider extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ict_incident_provider_seq")
    @SequenceGenerator(name = "ict_incident_provider_seq", sequenceName = "ict_incident_provider_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    public Incident incident;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id", nullable = false, updatable = false)
    public IctProvider provider;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id")
    public IctContract contract;

    @Override
    public String auditLabel() {
        return incident.reference + " ↔ " + provider.name;
    }

    @Override
    public Object auditParent() {
        return incident;
    }

    public static List<IncidentProvider> ofProvider(IctProvider provider) {
        return list("provider = ?1 order by incident.occurrenceDate desc, incident.id desc", provider);
    }

    public static List<IncidentProvider> ofIncident(long incidentId) {
        return list("incident.id = ?1 order by provider.nameKey", incidentId);
    }

    public static boolean linked(Incident incident) {
        return count("incident", incident) > 0;
    }

    /** The incidents with a free-text third party that are linked to no provider, by id. */
    static List<Incident> unlinkedWithThirdParty() {
        return getEntityManager().createQuery("select i from Incident i where i.thirdParty is not null"
                + " and trim(i.thirdParty) <> '' and not exists"
                + " (select 1 from IncidentProvider l where l.incident = i) order by i.id", Incident.class)
                .getResultList();
    }

    static IncidentProvider find(Incident incident, IctProvider provider) {
        return find("incident = ?1 and provider = ?2", incident, provider).firstResult();
    }

    /** Gross and net loss (reporting currency) of the provider's incidents. */
    public record Totals(BigDecimal gross, BigDecimal net) {
    }

    public static Totals totalsOf(IctProvider provider) {
        Object[] row = getEntityManager().createQuery("select coalesce(sum(l.incident.grossLoss), 0),"
                + " coalesce(sum(l.incident.netLoss), 0) from IncidentProvider l where l.provider = :provider",
                Object[].class).setParameter("provider", provider).getSingleResult();
        return new Totals((BigDecimal) row[0], (BigDecimal) row[1]);
    }
}
