package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which events the regulatory loss data set takes (CRR Arts. 311a, 316–319; OPE25), pinned with figures. */
class LossDataSetTest {

    private static final DataSetRule NET = new DataSetRule(new BigDecimal("20000"), "NET");
    private static final DataSetRule GROSS = new DataSetRule(new BigDecimal("20000"), "GROSS");

    private static Incident incident(String gross, String net) {
        Incident incident = new Incident();
        incident.grossLoss = new BigDecimal(gross);
        incident.netLoss = new BigDecimal(net);
        return incident;
    }

    private static LossEntry line(LossType type, RecoveryStatus status, String amount, String date) {
        LossEntry entry = new LossEntry();
        entry.type = type;
        entry.recoveryStatus = status;
        entry.reportingAmount = new BigDecimal(amount);
        entry.accountingDate = LocalDate.parse(date);
        return entry;
    }

    @Test
    void theThresholdReadsTheAggregatedNetLossOrTheGrossLossAsConfigured() {
        Incident event = incident("25000.00", "15000.00");
        LossDataSet net = LossDataSet.of(event, List.of(), List.of(), NET);
        assertFalse(net.included());
        assertEquals(List.of(LossDataSet.BELOW_THRESHOLD), net.reasons());
        assertTrue(LossDataSet.of(event, List.of(), List.of(), GROSS).included());
    }

    @Test
    void groupedIncidentsCountAsOneEventWithTheirRoot() {
        Incident root = incident("12000.00", "12000.00");
        Incident member = incident("9000.00", "9000.00");
        LossDataSet event = LossDataSet.of(root, List.of(), List.of(member), NET);
        assertTrue(event.included(), "12,000 + 9,000 = 21,000 reaches 20,000 together");
        assertEquals(new BigDecimal("21000.00"), event.aggregatedNet());
        assertEquals(2, event.events());

        member.rootEvent = root;
        LossDataSet counted = LossDataSet.of(member, List.of(), List.of(), NET);
        assertFalse(counted.included());
        assertEquals(List.of(LossDataSet.GROUPED), counted.reasons(), "not counted a second time");
    }

    @Test
    void creditBoundaryNearMissAndGainStayOutAndMarketBoundaryStaysIn() {
        Incident credit = incident("50000.00", "50000.00");
        credit.creditBoundary = true;
        assertEquals(List.of(LossDataSet.CREDIT_BOUNDARY),
                LossDataSet.of(credit, List.of(), List.of(), NET).reasons());
        Incident market = incident("50000.00", "50000.00");
        market.marketBoundary = true;
        assertTrue(LossDataSet.of(market, List.of(), List.of(), NET).included());
        Incident gain = incident("0.00", "0.00");
        gain.gainEvent = true;
        assertEquals(List.of(LossDataSet.GAIN, LossDataSet.BELOW_THRESHOLD),
                LossDataSet.of(gain, List.of(), List.of(), NET).reasons());
    }

    @Test
    void rapidlyRecoveredMeansFullyRecoveredWithinFiveWorkingDays() {
        // Friday 5 July 2024 to Friday 12 July 2024: five working days.
        assertEquals(5, LossDataSet.workingDaysBetween(LocalDate.of(2024, 7, 5), LocalDate.of(2024, 7, 12)));
        assertTrue(LossDataSet.rapidlyRecovered(List.of(
                line(LossType.DIRECT_CHARGE, null, "1260000.00", "2024-07-05"),
                line(LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "1260000.00", "2024-07-12"))));
        assertFalse(LossDataSet.rapidlyRecovered(List.of(
                line(LossType.DIRECT_CHARGE, null, "1260000.00", "2024-07-05"),
                line(LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "1260000.00", "2024-07-15"))),
                "six working days");
        assertFalse(LossDataSet.rapidlyRecovered(List.of(
                line(LossType.DIRECT_CHARGE, null, "1260000.00", "2024-07-22"),
                line(LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "1198000.00", "2024-07-22"))),
                "the example's LE-02: recalls left 62,000 unrecovered");
    }
}
