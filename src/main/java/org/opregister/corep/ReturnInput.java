package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.opregister.incident.LedgerTotals;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/** What a C 17 return is computed from, by value (no database): the loss events and the rule. */
public final class ReturnInput {

    private ReturnInput() {
    }

    /** One ledger line in the reporting currency, with the incident it belongs to. */
    public record LedgerLine(long id, long incidentId, LossType type, RecoveryStatus status, BigDecimal amount,
            LocalDate accountingDate, BusinessLine businessLine) {

        public LedgerTotals.Line line() {
            return new LedgerTotals.Line(type, status, amount);
        }
    }

    /**
     * A loss event: a root incident with the incidents grouped under it (CRR Art. 311a; point 127 of the C 17.01
     * instructions: grouped events are reported as one event). Classification, dates, flags and legal entity are the
     * root's; the lines are those of the root and of every grouped incident.
     */
    public record LossEvent(long rootId, String reference, String title, EventCategory category, EventType eventType,
            boolean nearMiss, boolean gainEvent, boolean creditBoundary, LocalDate occurrenceDate,
            LocalDate discoveryDate, String entityCode, String entityName, String entityLei, String orgUnit,
            List<LedgerLine> lines) {
    }

    /**
     * The collection rule and the EUR conversion of a return.
     *
     * @param threshold
     *            the collection threshold in the reporting currency ({@code oprisk.loss-data.threshold})
     * @param netBasis
     *            whether the threshold reads the aggregated net loss (else the gross loss)
     * @param eurRate
     *            units of the reporting currency per EUR on the reference date (1 when it is EUR)
     * @param c1702ThresholdEur
     *            the C 17.02 listing threshold in EUR ({@code oprisk.returns.c1702-threshold})
     */
    public record Rule(BigDecimal threshold, boolean netBasis, BigDecimal eurRate, BigDecimal c1702ThresholdEur) {

        /** An amount in EUR in the reporting currency. */
        public BigDecimal fromEur(long eur) {
            return eurRate.multiply(BigDecimal.valueOf(eur));
        }

        public BigDecimal fromEur(BigDecimal eur) {
            return eurRate.multiply(eur);
        }
    }
}
