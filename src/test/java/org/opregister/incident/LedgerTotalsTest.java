package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OPE25 / CRR Art. 318 arithmetic of one event's ledger, pinned with figures. */
class LedgerTotalsTest {

    private static LedgerTotals.Line line(LossType type, RecoveryStatus status, String amount) {
        return new LedgerTotals.Line(type, status, new BigDecimal(amount));
    }

    @Test
    void provisionsAreInsideGrossAndAReleaseComesOffWhileAPaymentOutOfAProvisionIsNotCountedTwice() {
        LedgerTotals totals = LedgerTotals.of(List.of(line(LossType.DIRECT_CHARGE, null, "10000.00"),
                line(LossType.PROVISION, null, "50000.00"), line(LossType.PROVISION_UTILISATION, null, "30000.00"),
                line(LossType.PROVISION_RELEASE, null, "5000.00"), line(LossType.EXTERNAL_EXPENSE, null, "2500.00")));
        assertEquals(new BigDecimal("57500.00"), totals.gross(), "10,000 + 50,000 − 5,000 + 2,500");
        assertEquals(new BigDecimal("15000.00"), totals.provisions(), "50,000 − 30,000 used − 5,000 released");
        assertEquals(new BigDecimal("57500.00"), totals.net());
        assertFalse(totals.provisionsOverdrawn());
    }

    @Test
    void onlyReceivedRecoveriesReduceTheLossAndExpectedOnesAreShownApart() {
        LedgerTotals totals = LedgerTotals.of(List.of(line(LossType.DIRECT_CHARGE, null, "93500.00"),
                line(LossType.INSURANCE_RECOVERY, RecoveryStatus.EXPECTED, "50000.00"),
                line(LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "3500.00")));
        assertEquals(new BigDecimal("90000.00"), totals.net());
        assertEquals(new BigDecimal("50000.00"), totals.expectedRecoveries());
        assertFalse(totals.recoveredBeyondGross());
    }

    @Test
    void aRecoveryBeyondTheGrossLossOrAnOverdrawnProvisionIsDetected() {
        assertTrue(LedgerTotals.of(List.of(line(LossType.DIRECT_CHARGE, null, "93500.00"),
                line(LossType.INSURANCE_RECOVERY, RecoveryStatus.RECEIVED, "200000.00"))).recoveredBeyondGross(),
                "EUR 200,000 recovered against EUR 93,500 gross would give a negative net loss");
        assertTrue(LedgerTotals.of(List.of(line(LossType.PROVISION, null, "1000.00"),
                line(LossType.PROVISION_RELEASE, null, "1500.00"))).provisionsOverdrawn());
    }

    @Test
    void theExampleCaseByAccountingYearIs803500In2024AndMinus162000In2025() {
        List<LossEntry> lines = List.of(entry(LossType.DIRECT_CHARGE, null, "1260000.00", "2024-07-22"),
                entry(LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "1198000.00", "2024-07-22"),
                entry(LossType.EXTERNAL_EXPENSE, null, "412000.00", "2024-07-31"),
                entry(LossType.DIRECT_CHARGE, null, "186500.00", "2024-08-30"),
                entry(LossType.DIRECT_CHARGE, null, "95000.00", "2024-09-30"),
                entry(LossType.EXTERNAL_EXPENSE, null, "48000.00", "2024-10-31"),
                entry(LossType.INSURANCE_RECOVERY, RecoveryStatus.RECEIVED, "162000.00", "2025-02-28"));
        List<LedgerTotals.Period> periods = LedgerTotals.byAccountingPeriod(lines);
        List<String> rows = periods.stream()
                .map(p -> p.year() + "Q" + p.quarter() + " " + p.totals().gross() + " " + p.totals().recoveries() + " "
                        + p.totals().net())
                .toList();
        assertEquals(List.of("2024Q3 1953500.00 1198000.00 755500.00", "2024Q4 48000.00 0.00 48000.00",
                "2024Q0 2001500.00 1198000.00 803500.00", "2025Q1 0.00 162000.00 -162000.00",
                "2025Q0 0.00 162000.00 -162000.00"), rows);
    }

    private static LossEntry entry(LossType type, RecoveryStatus status, String amount, String date) {
        LossEntry entry = new LossEntry();
        entry.type = type;
        entry.recoveryStatus = status;
        entry.reportingAmount = new BigDecimal(amount);
        entry.accountingDate = LocalDate.parse(date);
        return entry;
    }
}
