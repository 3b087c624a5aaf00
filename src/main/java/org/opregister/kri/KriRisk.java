package org.opregister.kri;

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
import org.opregister.risk.Risk;

/** A risk a KRI watches. */
@Entity
@Table(name = "kri_risk")
public class KriRisk extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kri_risk_seq")
    @SequenceGenerator(name = "kri_risk_seq", sequenceName = "kri_risk_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kri_id", nullable = false, updatable = false)
    public Kri kri;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "risk_id", nullable = false, updatable = false)
    public Risk risk;

    @Override
    public String auditLabel() {
        return kri.reference + " ↔ " + risk.reference;
    }

    @Override
    public Object auditParent() {
        return kri;
    }

    public static List<Risk> risksOf(Kri kri) {
        return getEntityManager()
                .createQuery("select l.risk from KriRisk l where l.kri = :kri order by l.risk.reference",
                        Risk.class)
                .setParameter("kri", kri).getResultList();
    }

    static KriRisk find(Kri kri, Risk risk) {
        return find("kri = ?1 and risk = ?2", kri, risk).firstResult();
    }
}
