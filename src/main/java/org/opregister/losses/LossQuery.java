package org.opregister.losses;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.opregister.incident.DateBasis;
import org.opregister.incident.Incident;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;

/**
 * The HQL pieces every aggregate of the losses page shares, for one period and date basis.
 * <p>
 * On the accounting basis the rows are ledger lines booked in the period ({@code LossEntry.accountingDate}), summed
 * by the ledger's rule ({@code LedgerTotals}, built here from {@link LossType#grossSign} so the rule is not restated):
 * gross = lines that add to gross − provision releases; recoveries = recoveries received; net = gross − recoveries. A
 * recovery received in a later period counts in its own period. On the occurrence or discovery basis the rows are the
 * incidents whose date falls in the period, with their whole-ledger totals ({@code Incident.grossLoss},
 * {@code recoveries}).
 * <p>
 * A grouped incident counts with its root event (CRR Art. 311a(4)): one event ({@link #EVENT}), classified by its root
 * ({@link #TYPE}, {@link #LINE}).
 */
final class LossQuery {

    /** The loss event a row belongs to: its root's id when grouped, else its own. */
    static final String EVENT = "coalesce(r.id, i.id)";
    /** The event's Level 2 type: its root's when grouped. */
    static final String TYPE = "coalesce(r.eventType, i.eventType)";
    /** The event's business line: its root's when grouped. */
    static final String LINE = "coalesce(r.businessLine, i.businessLine)";

    private final LossPeriod period;

    LossQuery(LossPeriod period) {
        this.period = period;
    }

    boolean accounting() {
        return period.basis() == DateBasis.ACCOUNTING;
    }

    String from() {
        return accounting()
                ? " from LossEntry l join l.incident i left join i.rootEvent r"
                : " from Incident i left join i.rootEvent r";
    }

    /** The date that places a row in the period. */
    String date() {
        return switch (period.basis()) {
            case ACCOUNTING -> "l.accountingDate";
            case OCCURRENCE -> "i.occurrenceDate";
            case DISCOVERY -> "i.discoveryDate";
        };
    }

    /**
     * Rows in the period; near misses never count, and on the incident-date bases neither do incidents without a
     * loss (on the accounting basis only incidents with ledger lines appear).
     */
    String where() {
        return " where " + date() + " >= :from and " + date() + " <= :to and i.nearMiss = false"
                + (accounting() ? BOOKED_IN_PERIOD : " and i.grossLoss <> 0");
    }

    /**
     * Redundant for the result, but it gives H2's planner a selective condition on the incidents: without it H2 scans
     * every incident and probes each one's lines (twice as slow at 100,000 incidents; README, "The losses page").
     */
    private static final String BOOKED_IN_PERIOD = " and i.id in (select b.incident.id from LossEntry b"
            + " where b.accountingDate >= :from and b.accountingDate <= :to)";

    String gross() {
        return accounting()
                ? "sum(case when l.type in (:addsToGross) then l.reportingAmount"
                        + " when l.type in (:comesOffGross) then -l.reportingAmount else 0 end)"
                : "sum(i.grossLoss)";
    }

    String recoveries() {
        return accounting()
                ? "sum(case when l.recoveryStatus = :received then l.reportingAmount else 0 end)"
                : "sum(i.recoveries)";
    }

    /** events, gross, recoveries: the three measures every table reads. */
    String measures() {
        return "count(distinct " + EVENT + "), " + gross() + ", " + recoveries();
    }

    TypedQuery<Object[]> query(String hql) {
        EntityManager em = Incident.getEntityManager();
        TypedQuery<Object[]> query = em.createQuery(hql, Object[].class)
                .setParameter("from", period.from())
                .setParameter("to", period.to());
        if (accounting()) {
            query.setParameter("addsToGross", types(1));
            query.setParameter("comesOffGross", types(-1));
            query.setParameter("received", RecoveryStatus.RECEIVED);
        }
        return query;
    }

    private static List<LossType> types(int sign) {
        return Arrays.stream(LossType.values()).filter(t -> !t.isRecovery() && t.grossSign == sign).toList();
    }

    /** The three measures of a result row, starting at {@code at}. */
    static LossFigures figures(Object[] row, int at) {
        return LossFigures.of(((Number) row[at]).longValue(), decimal(row[at + 1]), decimal(row[at + 2]));
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    static <E extends Enum<E>> E constant(Class<E> type, Object value) {
        return type.isInstance(value) ? type.cast(value) : Enum.valueOf(type, value.toString());
    }
}
