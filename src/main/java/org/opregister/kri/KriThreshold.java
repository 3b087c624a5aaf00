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

/** Thresholds of a KRI in force from a period on, until a later version takes over. */
@Entity
@Table(name = "kri_threshold")
public class KriThreshold extends TrackedEntity implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kri_threshold_seq")
    @SequenceGenerator(name = "kri_threshold_seq", sequenceName = "kri_threshold_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kri_id", nullable = false, updatable = false)
    public Kri kri;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public KriDirection direction;

    @Column(name = "green_limit", nullable = false, precision = 19, scale = 4)
    public BigDecimal greenLimit;

    @Column(name = "red_limit", nullable = false, precision = 19, scale = 4)
    public BigDecimal redLimit;

    @Override
    public String auditLabel() {
        return kri.reference + " from " + kri.periodLabel(effectiveFrom);
    }

    @Override
    public Object auditParent() {
        return kri;
    }

    public Thresholds thresholds() {
        return new Thresholds(direction, greenLimit, redLimit);
    }

    public static List<KriThreshold> of(Kri kri) {
        return list("kri = ?1 order by effectiveFrom desc", kri);
    }

    /** The thresholds in force for a period: the latest version from that period or before, else the first one. */
    static Thresholds inForce(Kri kri, LocalDate periodStart) {
        KriThreshold version = find("kri = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", kri, periodStart)
                .firstResult();
        if (version == null) {
            version = find("kri = ?1 order by effectiveFrom", kri).firstResult();
        }
        return version == null ? kri.thresholds() : version.thresholds();
    }

    static KriThreshold at(Kri kri, LocalDate effectiveFrom) {
        return find("kri = ?1 and effectiveFrom = ?2", kri, effectiveFrom).firstResult();
    }
}
