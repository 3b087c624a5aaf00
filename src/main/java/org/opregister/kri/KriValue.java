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
import org.opregister.core.Records;
import org.opregister.core.TrackedEntity;

/**
 * A KRI's value for one period, with the status it got and the thresholds that gave it: changing the thresholds
 * later does not rewrite it; correcting the value rates it again against the thresholds of its period.
 */
@Entity
@Table(name = "kri_value")
public class KriValue extends TrackedEntity implements AuditSubject {

    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kri_value_seq")
    @SequenceGenerator(name = "kri_value_seq", sequenceName = "kri_value_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kri_id", nullable = false, updatable = false)
    public Kri kri;

    @Column(name = "period_start", nullable = false, updatable = false)
    public LocalDate periodStart;

    @Column(name = "measured", nullable = false, precision = 19, scale = 4)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public KriStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public KriDirection direction;

    @Column(name = "green_limit", nullable = false, precision = 19, scale = 4)
    public BigDecimal greenLimit;

    @Column(name = "red_limit", nullable = false, precision = 19, scale = 4)
    public BigDecimal redLimit;

    @Column(name = "value_comment", length = COMMENT_MAX)
    public String comment;

    @Column(nullable = false)
    public boolean computed;

    @Override
    public String auditLabel() {
        return kri.reference + " " + period();
    }

    @Override
    public Object auditParent() {
        return kri;
    }

    public String period() {
        return kri.periodLabel(periodStart);
    }

    /** Sets the value and rates it against the given thresholds, which it keeps. */
    void rate(BigDecimal measured, Thresholds thresholds) {
        value = measured;
        status = thresholds.status(measured);
        direction = thresholds.direction();
        greenLimit = thresholds.green();
        redLimit = thresholds.red();
    }

    public static List<KriValue> of(Kri kri) {
        return list("kri = ?1 order by periodStart", kri);
    }

    static List<KriValue> latestOf(Kri kri, int count) {
        return find("kri = ?1 order by periodStart desc", kri).page(0, count).list();
    }

    /** The periods that have a value. */
    static List<LocalDate> periodsOf(Kri kri) {
        return getEntityManager()
                .createQuery("select v.periodStart from KriValue v where v.kri = :kri", LocalDate.class)
                .setParameter("kri", kri).getResultList();
    }

    /** The KRI's values for these periods (those it has). */
    static List<KriValue> in(Kri kri, java.util.Collection<LocalDate> periodStarts) {
        return list("kri = ?1 and periodStart in ?2", kri, periodStarts);
    }

    static KriValue at(Kri kri, LocalDate periodStart) {
        return find("kri = ?1 and periodStart = ?2", kri, periodStart).firstResult();
    }

    /** Values of one KRI (by reference) or all, with their KRI, in KRI then period order. */
    static java.util.stream.Stream<KriValue> streamForExport(String kriReference) {
        String where = kriReference == null ? "" : " where k.reference = :kri";
        var query = getEntityManager().createQuery("select v from KriValue v join fetch v.kri k" + where
                + " order by k.reference, v.periodStart", KriValue.class);
        if (kriReference != null) {
            query.setParameter("kri", kriReference);
        }
        return query.getResultStream();
    }

    /** A value of that KRI; 404 when there is none, or it belongs to another KRI. */
    public static KriValue of(Kri kri, long valueId) {
        KriValue value = findById(valueId);
        return Records.require(value == null || !value.kri.id.equals(kri.id) ? null : value, KriValue.class, valueId);
    }
}
