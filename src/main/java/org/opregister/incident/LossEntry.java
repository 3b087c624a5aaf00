package org.opregister.incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.NotAudited;
import org.opregister.core.Records;
import org.opregister.core.TrackedEntity;
import org.opregister.taxonomy.BusinessLine;

/**
 * One line of an incident's loss ledger (BIS OPE25, CRR Art. 317): an amount of one {@link LossType}, in its own
 * currency, with the FX rate to the reporting currency at its accounting date (kept on the line, so history never
 * moves), the business line it is allocated to, and, for a recovery, whether it has been received.
 */
@Entity
@Table(name = "loss_entry")
public class LossEntry extends TrackedEntity implements AuditSubject {

    public static final int DESCRIPTION_MAX = 1000;
    public static final int FX_REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "loss_entry_seq")
    @SequenceGenerator(name = "loss_entry_seq", sequenceName = "loss_entry_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id", nullable = false, updatable = false)
    public Incident incident;

    /** The bank's own key of the line, from the system it was imported from (unique within the incident); else null. */
    @Column(name = "external_reference", length = Incident.EXTERNAL_REFERENCE_MAX)
    public String externalReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 30)
    public LossType type;

    @Column(nullable = false, precision = 19, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    /** Units of reporting currency per unit of {@link #currency}. */
    @Column(name = "fx_rate", nullable = false, precision = 19, scale = 10)
    public BigDecimal fxRate;

    @Column(name = "reporting_amount", nullable = false, precision = 19, scale = 2)
    public BigDecimal reportingAmount;

    @Column(name = "reporting_currency", nullable = false, length = 3)
    public String reportingCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "fx_source", nullable = false, length = 20)
    public RateSource fxSource = RateSource.SAME_CURRENCY;

    /** Why a manual rate was typed instead of the rate table's. */
    @Column(name = "fx_reason", length = FX_REASON_MAX)
    public String fxReason;

    /** The date the line is booked in the P&L; for a received recovery, the date it was received. */
    @Column(name = "accounting_date", nullable = false)
    public LocalDate accountingDate;

    /** Recoveries only: expected or received. */
    @Enumerated(EnumType.STRING)
    @Column(name = "recovery_status", length = 10)
    public RecoveryStatus recoveryStatus;

    /** The business line the amount is allocated to (an event may touch several); the incident's by default. */
    @Enumerated(EnumType.STRING)
    @Column(name = "business_line", nullable = false, length = 40)
    public BusinessLine businessLine;

    /** Booked after the incident was closed: a later adjustment of a settled event (managers only). */
    @Column(name = "post_closure", nullable = false)
    public boolean postClosure;

    @Column(nullable = false, length = DESCRIPTION_MAX)
    public String description;

    /** The loss event the line counts in, kept by {@link LossEvents}; not part of the line's own record. */
    @Embedded
    @NotAudited
    public LineEvent event;

    /** A line is written with its event as the incident stands, unless its writer sized the event already. */
    @PrePersist
    void stampEvent() {
        if (event == null) {
            event = LineEvent.of(incident);
        }
    }

    @Override
    public String auditLabel() {
        return incident.reference + " " + type;
    }

    @Override
    public Object auditParent() {
        return incident;
    }

    public void convertTo(String reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
        this.reportingAmount = inReportingCurrency(amount, fxRate);
    }

    /** An amount converted at a rate, to the cent. */
    static BigDecimal inReportingCurrency(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    }

    public static List<LossEntry> forIncident(Incident incident) {
        return list("incident = ?1 order by accountingDate, id", incident);
    }

    /** A line of that incident's ledger; 404 when there is none, or it belongs to another incident. */
    public static LossEntry of(Incident incident, long lossId) {
        LossEntry entry = findById(lossId);
        return Records.require(entry == null || !entry.incident.id.equals(incident.id) ? null : entry, LossEntry.class,
                lossId);
    }

    /** What the line adds to its event's totals. */
    public LedgerTotals.Line line() {
        return new LedgerTotals.Line(type, recoveryStatus, reportingAmount);
    }

    /** The incident's ledger summed in the reporting currency, by type and recovery status in the database. */
    static LedgerTotals totals(Incident incident) {
        return totals(List.of(incident.id)).getOrDefault(incident.id, LedgerTotals.NONE);
    }

    /** The ledger totals of each of these incidents that has lines, in one query. */
    static Map<Long, LedgerTotals> totals(Collection<Long> incidentIds) {
        Map<Long, List<LedgerTotals.Line>> lines = new HashMap<>();
        getEntityManager()
                .createQuery("select l.incident.id, l.type, l.recoveryStatus, sum(l.reportingAmount) from LossEntry l"
                        + " where l.incident.id in :ids group by l.incident.id, l.type, l.recoveryStatus",
                        Object[].class)
                .setParameter("ids", incidentIds)
                .getResultList()
                .forEach(row -> lines.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add(new LedgerTotals.Line((LossType) row[1], (RecoveryStatus) row[2], (BigDecimal) row[3])));
        Map<Long, LedgerTotals> totals = new HashMap<>();
        lines.forEach((id, of) -> totals.put(id, LedgerTotals.of(of)));
        return totals;
    }

    /** The first accounting date of the incident's ledger, or null when it has no lines. */
    static LocalDate earliestAccountingDate(Incident incident) {
        return getEntityManager()
                .createQuery("select min(l.accountingDate) from LossEntry l where l.incident = :incident",
                        LocalDate.class)
                .setParameter("incident", incident)
                .getSingleResult();
    }

    /** The accounting dates the incident's lines are booked on. */
    static List<LocalDate> accountingDates(Incident incident) {
        return getEntityManager()
                .createQuery("select distinct l.accountingDate from LossEntry l where l.incident = :incident",
                        LocalDate.class)
                .setParameter("incident", incident)
                .getResultList();
    }
}
