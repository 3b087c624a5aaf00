package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.RowLocks;
import org.opregister.core.TrackedEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Where;

/** A key risk indicator: what is measured, how often, by whom, and the thresholds now in force. */
@Entity
@Table(name = "kri")
public class Kri extends TrackedEntity implements AuditSubject {

    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 4000;
    public static final int UNIT_MAX = 40;
    public static final int OWNER_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kri_seq")
    @SequenceGenerator(name = "kri_seq", sequenceName = "kri_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(length = TEXT_MAX)
    public String description;

    @Column(nullable = false, length = UNIT_MAX)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public KriFrequency frequency;

    @Column(nullable = false, length = OWNER_MAX)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public KriDirection direction;

    @Column(name = "green_limit", nullable = false, precision = 19, scale = 4)
    public BigDecimal greenLimit;

    @Column(name = "red_limit", nullable = false, precision = 19, scale = 4)
    public BigDecimal redLimit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public KriSource source = KriSource.MANUAL;

    /** For computed KRIs: only incidents of this Basel event type (Level 1), or all. */
    @Enumerated(EnumType.STRING)
    @Column(name = "event_category", length = 40)
    public EventCategory eventCategory;

    /** For computed KRIs: only incidents of this business line, or all. */
    @Enumerated(EnumType.STRING)
    @Column(name = "business_line", length = 40)
    public BusinessLine businessLine;

    /** For computed KRIs: the first period computed. */
    @Column(name = "values_from")
    public LocalDate valuesFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public KriActivity status = KriActivity.ACTIVE;

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public String auditTitle() {
        return name;
    }

    @Override
    public String auditPath() {
        return "/kris/" + id;
    }

    public Thresholds thresholds() {
        return new Thresholds(direction, greenLimit, redLimit);
    }

    public boolean computed() {
        return source.computed();
    }

    public String periodLabel(LocalDate periodStart) {
        return frequency.label(periodStart);
    }

    /** The latest two values, newest first: the current status and the trend. */
    public List<KriValue> latest() {
        return KriValue.latestOf(this, 2);
    }

    public static PageResult<Kri> search(KriFilter filter, PageRequest page) {
        Where where = filter.where();
        return PageResult.of(find(where.clause() + " order by reference", where.parameters()), page);
    }

    public static List<Kri> activeComputed() {
        return list("status = ?1 and source <> ?2 order by reference", KriActivity.ACTIVE, KriSource.MANUAL);
    }

    /** What a computed KRI taken from the register counts: read by every writer, so not loaded as entities. */
    record Scope(long id, KriSource source, KriFrequency frequency, EventCategory eventCategory,
            BusinessLine businessLine, LocalDate valuesFrom) {
    }

    /** The active KRIs computed from incidents or loss lines. */
    static List<Scope> registerScopes() {
        return getEntityManager().createQuery("select new org.opregister.kri.Kri$Scope(k.id, k.source, k.frequency,"
                + " k.eventCategory, k.businessLine, k.valuesFrom) from Kri k where k.status = :active"
                + " and k.source in (:sources) and k.valuesFrom is not null", Scope.class)
                .setParameter("active", KriActivity.ACTIVE)
                .setParameter("sources", List.of(KriSource.INCIDENT_COUNT, KriSource.NET_LOSS))
                .getResultList();
    }

    public static java.util.stream.Stream<Kri> streamAll() {
        return stream("order by reference");
    }

    /**
     * Every change to a KRI's values and breaches takes this lock first, so parallel writers (typed values, uploads,
     * recomputes after register changes, on any instance) take turns and each reads what the previous one stored.
     */
    public void lockValues() {
        RowLocks.forUpdate("kri", "id", id);
    }
}
