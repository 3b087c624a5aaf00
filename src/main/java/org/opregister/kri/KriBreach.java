package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.opregister.core.TrackedEntity;

/** A KRI's move into red: open from its first red period until a later value is no longer red. */
@Entity
@Table(name = "kri_breach")
public class KriBreach extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kri_breach_seq")
    @SequenceGenerator(name = "kri_breach_seq", sequenceName = "kri_breach_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kri_id", nullable = false, updatable = false)
    public Kri kri;

    @Column(name = "first_period", nullable = false, updatable = false)
    public LocalDate firstPeriod;

    @Column(name = "first_value", nullable = false, precision = 19, scale = 4)
    public BigDecimal firstValue;

    @Column(name = "last_red_period", nullable = false)
    public LocalDate lastRedPeriod;

    @Column(name = "recovered_period")
    public LocalDate recoveredPeriod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public BreachStatus status = BreachStatus.OPEN;

    @Override
    public String auditLabel() {
        return kri.reference + " breach " + kri.periodLabel(firstPeriod);
    }

    @Override
    public Object auditParent() {
        return kri;
    }

    public String firstPeriodLabel() {
        return kri.periodLabel(firstPeriod);
    }

    public String lastRedPeriodLabel() {
        return kri.periodLabel(lastRedPeriod);
    }

    public String recoveredPeriodLabel() {
        return recoveredPeriod == null ? null : kri.periodLabel(recoveredPeriod);
    }

    public static List<KriBreach> of(Kri kri) {
        return list("kri = ?1 order by firstPeriod desc", kri);
    }

    public static List<KriBreach> open() {
        return list("status = ?1 order by firstPeriod, id", BreachStatus.OPEN);
    }

    public static long countOpen() {
        return count("status", BreachStatus.OPEN);
    }

    public static List<KriBreach> recent(int count) {
        return find("status <> ?1 order by firstPeriod desc, id desc", BreachStatus.WITHDRAWN).page(0, count).list();
    }
}
