package org.opregister.dora;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;

/**
 * The yearly figures of DORA (Regulation 2022/2554) Art. 11(10): the gross costs and losses of major ICT-related
 * incidents per year, recoveries apart. Ledger lines count in the year of their accounting date (gross: the lines'
 * gross effect; recoveries: those received); the costs the ledger does not hold (DORA record) in the year of the
 * incident's occurrence. Amounts in the reporting currency.
 */
public final class DoraAnnual {

    /** One year: gross ledger losses, costs outside the ledger, their sum, and recoveries received. */
    public record Year(int year, BigDecimal ledgerGross, BigDecimal otherCosts, BigDecimal recoveries,
            long incidents) {

        public BigDecimal total() {
            return ledgerGross.add(otherCosts);
        }

        /** Gross costs and losses less the recoveries received in the same year. */
        public BigDecimal net() {
            return total().subtract(recoveries);
        }
    }

    private DoraAnnual() {
    }

    public static List<Year> years() {
        Map<Integer, BigDecimal[]> sums = new TreeMap<>(java.util.Comparator.reverseOrder());
        Map<Integer, java.util.Set<Long>> incidents = new TreeMap<>();
        for (Object[] row : DoraRecord.majorLedgerLines()) {
            LocalDate date = (LocalDate) row[0];
            LossType type = (LossType) row[1];
            RecoveryStatus status = (RecoveryStatus) row[2];
            BigDecimal amount = (BigDecimal) row[3];
            Long incident = (Long) row[4];
            if (date == null || amount == null) {
                continue;
            }
            BigDecimal[] year = sums.computeIfAbsent(date.getYear(), y -> zeros());
            if (type.isRecovery()) {
                if (status == RecoveryStatus.RECEIVED) {
                    year[2] = year[2].add(amount);
                }
            } else {
                year[0] = year[0].add(amount.multiply(BigDecimal.valueOf(type.grossSign)));
                incidents.computeIfAbsent(date.getYear(), y -> new java.util.HashSet<>()).add(incident);
            }
        }
        for (Object[] row : DoraRecord.majorOtherCosts()) {
            LocalDate date = (LocalDate) row[0];
            BigDecimal amount = (BigDecimal) row[1];
            Long incident = (Long) row[2];
            BigDecimal[] year = sums.computeIfAbsent(date.getYear(), y -> zeros());
            year[1] = year[1].add(amount);
            incidents.computeIfAbsent(date.getYear(), y -> new java.util.HashSet<>()).add(incident);
        }
        List<Year> years = new ArrayList<>();
        sums.forEach((year, s) -> years.add(new Year(year, s[0], s[1], s[2],
                incidents.getOrDefault(year, java.util.Set.of()).size())));
        return years;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
