package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The latest {@code count} values of each of these KRIs, newest first, by KRI id: one query for a page. */
    static Map<Long, List<KriValue>> latestOf(Collection<Kri> kris, int count) {
        Map<Long, List<KriValue>> latest = new HashMap<>();
        if (!kris.isEmpty()) {
            KriValue.<KriValue>list("from KriValue v where v.kri in ?1 and (select count(w) from KriValue w"
                    + " where w.kri = v.kri and w.periodStart > v.periodStart) < ?2 order by v.periodStart desc",
                    kris, (long) count)
                    .forEach(value -> latest.computeIfAbsent(value.kri.id, id -> new ArrayList<>()).add(value));
        }
        return latest;
    }

    /** The periods that have a value, for each of these KRIs (by id; absent: none). */
    static Map<Long, Set<LocalDate>> periodsOf(Collection<Kri> kris) {
        Map<Long, Set<LocalDate>> periods = new HashMap<>();
        if (!kris.isEmpty()) {
            getEntityManager()
                    .createQuery("select v.kri.id, v.periodStart from KriValue v where v.kri in :kris",
                            Object[].class)
                    .setParameter("kris", kris).getResultList()
                    .forEach(row -> periods.computeIfAbsent((Long) row[0], id -> new HashSet<>())
                            .add((LocalDate) row[1]));
        }
        return periods;
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
