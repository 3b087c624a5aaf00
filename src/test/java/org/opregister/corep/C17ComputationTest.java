package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.opregister.corep.C17Return.Cell;
import org.opregister.corep.C17Return.LargeEvent;
import org.opregister.corep.ReturnInput.LedgerLine;
import org.opregister.corep.ReturnInput.LineGroup;
import org.opregister.corep.ReturnInput.LossEvent;
import org.opregister.corep.ReturnInput.Rule;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.incident.LossType.DIRECT_CHARGE;
import static org.opregister.incident.LossType.INSURANCE_RECOVERY;
import static org.opregister.incident.LossType.OTHER_RECOVERY;
import static org.opregister.incident.LossType.PROVISION;
import static org.opregister.incident.LossType.PROVISION_RELEASE;
import static org.opregister.taxonomy.BusinessLine.AGENCY_SERVICES;
import static org.opregister.taxonomy.BusinessLine.ASSET_MANAGEMENT;
import static org.opregister.taxonomy.BusinessLine.COMMERCIAL_BANKING;
import static org.opregister.taxonomy.BusinessLine.CORPORATE_FINANCE;
import static org.opregister.taxonomy.BusinessLine.CORPORATE_ITEMS;
import static org.opregister.taxonomy.BusinessLine.PAYMENT_AND_SETTLEMENT;
import static org.opregister.taxonomy.BusinessLine.RETAIL_BANKING;
import static org.opregister.taxonomy.BusinessLine.TRADING_AND_SALES;

/**
 * Every cell of C 17.01 and the rows of C 17.02 on a small hand-built data set (EUR, collection threshold 10,000 on
 * the gross loss, C 17.02 from 100,000), with the expected figures written here; then the rules one at a time.
 */
class C17ComputationTest {

    private static final Rule RULE = rule("10000", "1");
    private static final LocalDate DECEMBER = LocalDate.of(2025, 12, 31);
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 30);

    private static long nextLine = 1;

    /**
     * A: new, external fraud, split over retail and commercial banking (25,000: bucket 2). B: new, execution, corporate
     * finance 150,000 with a direct recovery of 30,000 and a line after the reference date (bucket 3). C: new,
     * business disruption, a grouped event of two incidents (6,000 + 5,000, each below the threshold; bucket 1). D: an
     * event of 2024 (900,000) with a +300,000 provision in retail banking and a −50,000 release in asset management
     * in 2025 (crosses from bucket 3 to 4), insurance 200,000 received. E: an event of 2024 (60,000) with a −10,000
     * release and a direct recovery of 5,000. F credit boundary, G gain, H below threshold, I rapidly recovered, K new
     * internal fraud in corporate items 1,200,000 (bucket 4) with insurance 400,000.
     */
    static List<Ev> events() {
        List<Ev> events = new ArrayList<>();
        events.add(event(1, "A", EventCategory.EXTERNAL_FRAUD, false, false, false,
                line(1, DIRECT_CHARGE, null, "15000", "2025-03-10", RETAIL_BANKING),
                line(1, DIRECT_CHARGE, null, "10000", "2025-03-12", COMMERCIAL_BANKING)));
        events.add(event(2, "B", EventCategory.EXECUTION_DELIVERY_PROCESS, false, false, false,
                line(2, DIRECT_CHARGE, null, "150000", "2025-08-01", CORPORATE_FINANCE),
                line(2, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "30000", "2025-09-01", CORPORATE_FINANCE),
                line(2, OTHER_RECOVERY, RecoveryStatus.EXPECTED, "20000", "2025-09-02", CORPORATE_FINANCE),
                line(2, DIRECT_CHARGE, null, "70000", "2026-01-15", CORPORATE_FINANCE)));
        events.add(event(3, "C", EventCategory.BUSINESS_DISRUPTION, false, false, false,
                line(3, DIRECT_CHARGE, null, "6000", "2025-02-01", TRADING_AND_SALES),
                line(31, DIRECT_CHARGE, null, "5000", "2025-02-03", TRADING_AND_SALES)));
        events.add(event(4, "D", EventCategory.CLIENTS_PRODUCTS_PRACTICES, false, false, false,
                line(4, PROVISION, null, "800000", "2024-05-01", RETAIL_BANKING),
                line(4, PROVISION, null, "100000", "2024-05-01", ASSET_MANAGEMENT),
                line(4, PROVISION, null, "300000", "2025-03-01", RETAIL_BANKING),
                line(4, PROVISION_RELEASE, null, "50000", "2025-10-01", ASSET_MANAGEMENT),
                line(4, INSURANCE_RECOVERY, RecoveryStatus.RECEIVED, "200000", "2025-11-15", RETAIL_BANKING)));
        events.add(event(5, "E", EventCategory.DAMAGE_TO_PHYSICAL_ASSETS, false, false, false,
                line(5, PROVISION, null, "60000", "2024-02-01", AGENCY_SERVICES),
                line(5, PROVISION_RELEASE, null, "10000", "2025-05-05", AGENCY_SERVICES),
                line(5, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "5000", "2025-06-01", AGENCY_SERVICES)));
        events.add(event(6, "F", EventCategory.EXTERNAL_FRAUD, false, false, true,
                line(6, DIRECT_CHARGE, null, "500000", "2025-04-01", RETAIL_BANKING)));
        events.add(event(7, "G", EventCategory.EXECUTION_DELIVERY_PROCESS, false, true, false,
                line(7, DIRECT_CHARGE, null, "40000", "2025-04-01", RETAIL_BANKING)));
        events.add(event(8, "H", EventCategory.INTERNAL_FRAUD, false, false, false,
                line(8, DIRECT_CHARGE, null, "8000", "2025-03-03", RETAIL_BANKING)));
        events.add(event(9, "I", EventCategory.EXECUTION_DELIVERY_PROCESS, false, false, false,
                line(9, DIRECT_CHARGE, null, "50000", "2025-07-07", PAYMENT_AND_SETTLEMENT),
                line(9, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "50000", "2025-07-10", PAYMENT_AND_SETTLEMENT)));
        events.add(event(10, "K", EventCategory.INTERNAL_FRAUD, false, false, false,
                line(10, DIRECT_CHARGE, null, "1200000", "2025-05-20", CORPORATE_ITEMS),
                line(10, INSURANCE_RECOVERY, RecoveryStatus.RECEIVED, "400000", "2025-12-01", CORPORATE_ITEMS)));
        events.add(event(11, "NM", EventCategory.EXTERNAL_FRAUD, true, false, false,
                line(11, DIRECT_CHARGE, null, "30000", "2025-04-01", RETAIL_BANKING)));
        return events;
    }

    @Test
    void everyCellOfTheDecemberReturn() {
        C17Return result = compute(events(), DECEMBER, RULE);
        Map<String, String> expected = new LinkedHashMap<>();
        // Corporate finance: B (execution, 0070)
        both(expected, "0010", "0070", "1");
        both(expected, "0020", "0070", "150000");
        both(expected, "0050", "0070", "150000");
        both(expected, "0060", "0070", "150000");
        both(expected, "0070", "0070", "30000");
        // Trading and sales: C, grouped (business disruption, 0060)
        both(expected, "0110", "0060", "1");
        both(expected, "0120", "0060", "11000");
        both(expected, "0150", "0060", "11000");
        both(expected, "0160", "0060", "11000");
        // Commercial banking: A's part (external fraud, 0020)
        both(expected, "0310", "0020", "1");
        both(expected, "0320", "0020", "10000");
        both(expected, "0350", "0020", "10000");
        both(expected, "0360", "0020", "10000");
        // Retail banking: A's other part; D's adjustment and insurance (clients, 0040)
        both(expected, "0410", "0020", "1");
        both(expected, "0420", "0020", "15000");
        both(expected, "0430", "0040", "1");
        both(expected, "0440", "0040", "300000");
        expected.put("0450/0020", "15000");
        expected.put("0450/0040", "300000");
        expected.put("0450/0080", "300000");
        expected.put("0460/0020", "15000");
        expected.put("0460/0040", "300000");
        expected.put("0460/0080", "315000");
        both(expected, "0480", "0040", "200000");
        // Agency services: E (damage, 0050), a negative adjustment is not a maximum
        both(expected, "0630", "0050", "1");
        both(expected, "0640", "0050", "-10000");
        both(expected, "0670", "0050", "5000");
        // Asset management: D's release
        both(expected, "0730", "0040", "1");
        both(expected, "0740", "0040", "-50000");
        // Corporate items: K (internal fraud, 0010)
        both(expected, "0810", "0010", "1");
        both(expected, "0820", "0010", "1200000");
        both(expected, "0850", "0010", "1200000");
        both(expected, "0860", "0010", "1200000");
        both(expected, "0880", "0010", "400000");
        // Total block: A counted once although it is in two business lines
        expected.put("0910/0010", "1");
        expected.put("0910/0020", "1");
        expected.put("0910/0060", "1");
        expected.put("0910/0070", "1");
        expected.put("0910/0080", "4");
        both(expected, "0911", "0060", "1");
        both(expected, "0912", "0020", "1");
        both(expected, "0913", "0070", "1");
        both(expected, "0914", "0010", "1");
        expected.put("0920/0010", "1200000");
        expected.put("0920/0020", "25000");
        expected.put("0920/0060", "11000");
        expected.put("0920/0070", "150000");
        expected.put("0920/0080", "1386000");
        both(expected, "0921", "0060", "11000");
        both(expected, "0922", "0020", "25000");
        both(expected, "0923", "0070", "150000");
        both(expected, "0924", "0010", "1200000");
        expected.put("0930/0040", "1");
        expected.put("0930/0050", "1");
        expected.put("0930/0080", "2");
        expected.put("0940/0040", "250000");
        expected.put("0940/0050", "-10000");
        expected.put("0940/0080", "240000");
        both(expected, "0932", "0050", "1");
        both(expected, "0942", "0050", "-10000");
        // D moves from the 100k–1m bucket to ≥1m: reported in both
        both(expected, "0933", "0040", "1");
        both(expected, "0943", "0040", "250000");
        both(expected, "0934", "0040", "1");
        both(expected, "0944", "0040", "250000");
        expected.put("0950/0010", "1200000");
        expected.put("0950/0020", "15000");
        expected.put("0950/0040", "300000");
        expected.put("0950/0060", "11000");
        expected.put("0950/0070", "150000");
        expected.put("0950/0080", "1200000");
        // 0950: the largest of the business lines' maxima (EGDQ_0082), so D's retail-banking part (300,000);
        // 0960: whole events (K 1,200,000 + D's whole adjustment 300,000 − 50,000 + B 150,000 + A 25,000 + C 11,000)
        expected.put("0960/0010", "1200000");
        expected.put("0960/0020", "25000");
        expected.put("0960/0040", "250000");
        expected.put("0960/0060", "11000");
        expected.put("0960/0070", "150000");
        expected.put("0960/0080", "1636000");
        expected.put("0970/0050", "5000");
        expected.put("0970/0070", "30000");
        expected.put("0970/0080", "35000");
        expected.put("0980/0010", "400000");
        expected.put("0980/0040", "200000");
        expected.put("0980/0080", "600000");
        for (String row : List.of("0010", "0110", "0210", "0310", "0410", "0510", "0610", "0710", "0810", "0910")) {
            expected.put(row + "/0090", "10000");
            expected.put(row + "/0100", "10000");
        }
        assertCells(expected, result);
        assertEquals(C17Codes.ROWS.size() * 8 + 20, result.cells().size(), "every row × 0010–0080, memo on x10");

        assertEquals(1, result.rapidlyRecovered().size());
        assertEquals("I", result.rapidlyRecovered().get(0).event().reference());
        assertEquals(0, new BigDecimal("50000").compareTo(result.rapidlyRecoveredGross()));

        List<LargeEvent> large = result.largeEvents();
        assertEquals(List.of("K", "D", "B"), large.stream().map(e -> e.event().reference()).toList());
        assertLarge(large.get(0), 1, "2025-05-20", "1200000", "1200000", "400000");
        assertEquals(0, new BigDecimal("1200000").compareTo(large.get(0).grossByLine().get(CORPORATE_ITEMS)));
        assertLarge(large.get(1), 2, "2024-05-01", "1150000", "1150000", "200000");
        assertEquals(0, new BigDecimal("1100000").compareTo(large.get(1).grossByLine().get(RETAIL_BANKING)));
        assertEquals(0, new BigDecimal("50000").compareTo(large.get(1).grossByLine().get(ASSET_MANAGEMENT)));
        assertLarge(large.get(2), 3, "2025-08-01", "150000", "120000", "0");
        assertEquals("MAIN", large.get(0).entityCode());
    }

    @Test
    void theJuneInterimCoversTheFirstHalfYearOnly() {
        C17Return result = compute(events(), JUNE, RULE);
        assertValue("3", result, "0910", "0080");
        assertValue("1236000", result, "0920", "0080");
        assertValue("0", result, "0010", "0070");
        assertValue("2", result, "0930", "0080");
        assertValue("290000", result, "0940", "0080");
        assertValue("300000", result, "0943", "0040");
        assertValue("300000", result, "0944", "0040");
        assertValue("0", result, "0740", "0040");
        assertValue("5000", result, "0970", "0080");
        assertValue("0", result, "0980", "0080");
        assertValue("0", result, "0880", "0010");
        assertValue("1200000", result, "0950", "0080");
        assertValue("1536000", result, "0960", "0080");
        assertTrue(result.rapidlyRecovered().isEmpty(), "I is booked in July");
        assertEquals(List.of("D", "K"), result.largeEvents().stream().map(e -> e.event().reference()).toList(),
                "both 1,200,000 at the end of June: by reference");
    }

    @Test
    void aFigureKnowsTheEventsBehindIt() {
        C17Return result = compute(events(), DECEMBER, RULE);
        Cell newEvents = result.cell("0910", "0080");
        assertEquals(List.of("A", "B", "C", "K"),
                newEvents.contributions().stream().map(c -> c.event().reference()).sorted().toList());
        Cell max = result.cell("0450", "0080");
        assertEquals(1, max.contributions().size());
        assertEquals("D", max.contributions().get(0).event().reference());
        assertEquals(RETAIL_BANKING, max.contributions().get(0).businessLine());
        assertEquals(5, result.cell("0960", "0080").contributions().size());
        assertTrue(result.cell("0510", "0080").empty(), "the rapidly recovered event is left out");
        assertNull(result.cell("0911", "0090"), "memo columns on the x10 rows only");
    }

    /**
     * The grid and the downloads compute the return keeping no list behind a sum or a count, and a cell's page keeps
     * only its own: every value, count of contributions, winner and C 17.02 row is the same as with every list kept,
     * whatever order the events come in.
     */
    @Test
    void aReturnComputedForValuesOnlyOrForOneCellHasTheFiguresOfTheFullOne() {
        List<LossEvent> inputs = new ArrayList<>(inputs(events(), DECEMBER));
        ReportingPeriod period = ReportingPeriod.of(DECEMBER).orElseThrow();
        C17Return full = C17Computation.compute(inputs, period, RULE);
        Collections.reverse(inputs);
        C17Computation.Run valuesOnly = new C17Computation.Run(period, RULE, C17Computation.VALUES_ONLY);
        C17Computation.Run oneCell = new C17Computation.Run(period, RULE, C17Computation.showing("0910", "0080"));
        inputs.forEach(valuesOnly::add);
        inputs.forEach(oneCell::add);
        for (C17Return partial : List.of(valuesOnly.result(), oneCell.result())) {
            assertEquals(full.cells().keySet(), partial.cells().keySet());
            full.cells().forEach((key, cell) -> {
                Cell same = partial.cells().get(key);
                assertEquals(0, cell.value().compareTo(same.value()), key);
                assertEquals(cell.contributing(), same.contributing(), key);
            });
            assertEquals(full.largeEvents(), partial.largeEvents());
            assertEquals(full.rapidlyRecovered().size(), partial.rapidlyRecovered().size());
        }
        assertEquals(4, full.cell("0910", "0080").contributing());
        assertEquals(List.of(), valuesOnly.result().cell("0910", "0080").contributions(), "no list behind a count");
        assertEquals(full.cell("0910", "0080").contributions().stream().map(c -> c.event().reference()).sorted()
                .toList(),
                oneCell.result().cell("0910", "0080").contributions().stream()
                        .map(c -> c.event().reference()).sorted().toList());
        assertEquals(List.of(), oneCell.result().cell("0920", "0080").contributions(), "only the cell shown");
        for (String[] ranked : new String[][]{{"0450", "0080"}, {"0960", "0080"}, {"0950", "0040"}}) {
            assertEquals(full.cell(ranked[0], ranked[1]).contributions(),
                    valuesOnly.result().cell(ranked[0], ranked[1]).contributions(),
                    "the winners of " + ranked[0] + "/" + ranked[1]);
        }
    }

    @Test
    void bucketsAreInEuroConvertedAtTheReferenceDateRate() {
        Rule twoPerEuro = rule("10000", "2");
        assertNull(C17Computation.bucket(new BigDecimal("19999.99"), twoPerEuro), "below EUR 10,000");
        assertEquals(1, C17Computation.bucket(new BigDecimal("20000"), twoPerEuro).number());
        assertEquals(1, C17Computation.bucket(new BigDecimal("39999.99"), twoPerEuro).number());
        assertEquals(2, C17Computation.bucket(new BigDecimal("40000"), twoPerEuro).number());
        assertEquals(3, C17Computation.bucket(new BigDecimal("200000"), twoPerEuro).number());
        assertEquals(4, C17Computation.bucket(new BigDecimal("2000000"), twoPerEuro).number());
        C17Return result = compute(events(), DECEMBER, twoPerEuro);
        assertEquals(List.of("K", "D"), result.largeEvents().stream().map(e -> e.event().reference()).toList(),
                "C 17.02 from EUR 100,000 = 200,000 in the reporting currency");
        assertValue("1", result, "0913", "0010");
    }

    @Test
    void onlyThirtyJuneAndThirtyFirstDecemberAreReferenceDates() {
        assertTrue(ReportingPeriod.of(LocalDate.of(2024, 6, 30)).isPresent());
        assertEquals(LocalDate.of(2024, 1, 1), ReportingPeriod.of(LocalDate.of(2024, 12, 31)).orElseThrow().start());
        assertFalse(ReportingPeriod.of(LocalDate.of(2024, 9, 30)).isPresent());
        assertFalse(ReportingPeriod.of(LocalDate.of(2024, 6, 29)).isPresent());
        assertEquals(LocalDate.of(2025, 12, 31), ReportingPeriod.latestOnOrBefore(LocalDate.of(2026, 3, 1)));
        assertEquals(LocalDate.of(2026, 6, 30), ReportingPeriod.latestOnOrBefore(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2026, 6, 30), ReportingPeriod.latestOnOrBefore(LocalDate.of(2026, 6, 30)));
    }

    @Test
    void theTotalsFiveLargestRankWholeEvents() {
        C17Return result = compute(events(), DECEMBER, RULE);
        Cell top = result.cell("0960", "0080");
        assertEquals(List.of("K", "D", "B", "A", "C"), top.contributions().stream().map(c -> c.event().reference())
                .toList());
        assertNull(top.contributions().get(3).businessLine(), "A as a whole, not its two business-line parts");
        assertEquals(0, new BigDecimal("25000").compareTo(top.contributions().get(3).amount()));
        assertEquals(0, new BigDecimal("250000").compareTo(top.contributions().get(1).amount()),
                "D's adjustment over both its business lines");
        assertEquals(RETAIL_BANKING, result.cell("0950", "0040").contributions().get(0).businessLine());
    }

    /** F1: scope reads the gross loss; an event in scope at the start of the period stays in scope for it. */
    @Test
    void scopeReadsTheGrossLossAndAnOldEventStaysInScope() {
        Rule twenty = rule("20000", "1");
        List<Ev> events = List.of(
                // new in 2025: gross 150,000, 140,000 recovered a month later (net 10,000 is under the threshold)
                event(50, "R", EventCategory.EXTERNAL_FRAUD, false, false, false,
                        line(50, DIRECT_CHARGE, null, "150000", "2025-03-03", RETAIL_BANKING),
                        line(50, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "140000", "2025-04-01", RETAIL_BANKING)),
                // 2024: 30,000; 2025: a release of 15,000 takes it under the threshold, and 12,000 insurance
                event(51, "S", EventCategory.EXECUTION_DELIVERY_PROCESS, false, false, false,
                        line(51, PROVISION, null, "30000", "2024-06-03", COMMERCIAL_BANKING),
                        line(51, PROVISION_RELEASE, null, "15000", "2025-05-05", COMMERCIAL_BANKING),
                        line(51, INSURANCE_RECOVERY, RecoveryStatus.RECEIVED, "12000", "2025-06-02",
                                COMMERCIAL_BANKING)));
        C17Return r = compute(events, DECEMBER, twenty);
        assertValue("1", r, "0410", "0020");
        assertValue("150000", r, "0420", "0020");
        assertValue("140000", r, "0470", "0020");
        assertValue("1", r, "0910", "0080");
        assertValue("150000", r, "0920", "0080");
        assertValue("150000", r, "0923", "0080");
        assertValue("140000", r, "0970", "0080");
        assertValue("1", r, "0330", "0070");
        assertValue("-15000", r, "0340", "0070");
        assertValue("12000", r, "0380", "0070");
        assertValue("1", r, "0930", "0080");
        assertValue("-15000", r, "0940", "0080");
        assertValue("1", r, "0932", "0080");
        assertValue("1", r, "0931", "0080");
        assertValue("-15000", r, "0941", "0080");
        assertValue("12000", r, "0980", "0080");
        assertEquals(List.of("R"), r.largeEvents().stream().map(e -> e.event().reference()).toList());
        assertEquals(0, new BigDecimal("10000").compareTo(r.largeEvents().get(0).grossNetOfDirect()));
    }

    /** F2: first in scope during the period, an event is new with its whole gross loss. */
    @Test
    void anEventThatReachesTheThresholdInThePeriodIsNewWithItsWholeGrossLoss() {
        Rule twenty = rule("20000", "1");
        List<Ev> events = List.of(event(60, "T", EventCategory.CLIENTS_PRODUCTS_PRACTICES, false, false, false,
                line(60, DIRECT_CHARGE, null, "15000", "2024-09-02", ASSET_MANAGEMENT),
                line(60, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "2000", "2024-10-01", ASSET_MANAGEMENT),
                line(60, DIRECT_CHARGE, null, "10000", "2025-02-03", ASSET_MANAGEMENT)));
        C17Return end2024 = compute(events, LocalDate.of(2024, 12, 31), twenty);
        assertValue("0", end2024, "0910", "0080");
        assertValue("0", end2024, "0930", "0080");
        assertValue("0", end2024, "0770", "0080");
        C17Return r = compute(events, DECEMBER, twenty);
        assertValue("1", r, "0710", "0040");
        assertValue("25000", r, "0720", "0040");
        assertValue("25000", r, "0750", "0040");
        assertValue("2000", r, "0770", "0040");
        assertValue("1", r, "0910", "0080");
        assertValue("25000", r, "0920", "0080");
        assertValue("1", r, "0912", "0080");
        assertValue("25000", r, "0922", "0080");
        assertValue("0", r, "0730", "0040");
        assertValue("0", r, "0930", "0080");
        assertValue("0", r, "0940", "0080");
        assertValue("25000", r, "0960", "0080");
    }

    /** F6: rapidly recovered is judged on the lines up to the reference date; a reported event stays reported. */
    @Test
    void anEventRecoveredAcrossTheYearEndIsNewThenRecovered() {
        List<Ev> events = List.of(event(70, "U", EventCategory.EXTERNAL_FRAUD, false, false, false,
                line(70, DIRECT_CHARGE, null, "50000", "2024-12-30", PAYMENT_AND_SETTLEMENT),
                line(70, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "50000", "2025-01-03", PAYMENT_AND_SETTLEMENT)));
        C17Return end2024 = compute(events, LocalDate.of(2024, 12, 31), RULE);
        assertTrue(end2024.rapidlyRecovered().isEmpty(), "not (yet) recovered on 31 December");
        assertValue("1", end2024, "0510", "0020");
        assertValue("50000", end2024, "0520", "0020");
        assertValue("1", end2024, "0910", "0080");
        assertValue("50000", end2024, "0920", "0080");
        C17Return r = compute(events, DECEMBER, RULE);
        assertTrue(r.rapidlyRecovered().isEmpty(), "reported in 2024: its recovery is reported in 2025");
        assertValue("0", r, "0910", "0080");
        assertValue("0", r, "0930", "0080");
        assertValue("50000", r, "0570", "0020");
        assertValue("50000", r, "0970", "0080");
        // the same event within one year is left out
        List<Ev> within = List.of(event(71, "V", EventCategory.EXTERNAL_FRAUD, false, false, false,
                line(71, DIRECT_CHARGE, null, "50000", "2025-06-27", PAYMENT_AND_SETTLEMENT),
                line(71, OTHER_RECOVERY, RecoveryStatus.RECEIVED, "50000", "2025-07-03", PAYMENT_AND_SETTLEMENT)));
        assertValue("1", compute(within, JUNE, RULE), "0910", "0080");
        C17Return december = compute(within, DECEMBER, RULE);
        assertEquals(List.of("V"), december.rapidlyRecovered().stream().map(x -> x.event().reference()).toList());
        assertValue("0", december, "0910", "0080");
        assertValue("0", december, "0970", "0080");
    }

    /** F4: the hash covers the lines (as summed), the events' attributes and the rule. */
    @Test
    void theHashCoversTheLinesTheEventsAndTheRule() {
        List<LossEvent> inputs = inputs(events(), DECEMBER);
        String hash = LedgerHash.of(DECEMBER, null, RULE, inputs);
        assertEquals(64, hash.length());
        List<LossEvent> reversed = new ArrayList<>(inputs);
        Collections.reverse(reversed);
        assertEquals(hash, LedgerHash.of(DECEMBER, null, RULE, reversed), "the order events are read in");
        assertEquals(hash, LedgerHash.of(DECEMBER, null, RULE, inputs(events(), DECEMBER)), "same data, same hash");

        List<Ev> reclassified = new ArrayList<>(events());
        reclassified.set(0, reclassified.get(0).category(EventCategory.INTERNAL_FRAUD));
        assertNotEquals(hash, LedgerHash.of(DECEMBER, null, RULE, inputs(reclassified, DECEMBER)));
        List<Ev> changed = new ArrayList<>(events());
        Ev a = changed.get(0);
        LedgerLine first = a.lines().get(0);
        changed.set(0, new Ev(a.event(), List.of(new LedgerLine(first.id(), first.incidentId(), first.type(),
                first.status(), new BigDecimal("15000.01"), first.accountingDate(), first.businessLine()),
                a.lines().get(1))));
        assertNotEquals(hash, LedgerHash.of(DECEMBER, null, RULE, inputs(changed, DECEMBER)));
        assertNotEquals(hash, LedgerHash.of(DECEMBER, null, rule("20000", "1"), inputs));
        assertNotEquals(hash, LedgerHash.of(DECEMBER, "MAIN", RULE, inputs));

        String text = LedgerHash.serialise(DECEMBER, null, RULE, inputs.subList(0, 1));
        assertEquals("""
                C17;2025-12-31;
                RULE;10000.00;EUR;1;2025-12-31;100000.00
                E;1;A;Event A;EXTERNAL_FRAUD;%s;false;false;false;2024-01-01;2024-01-02;MAIN;Main legal entity;;Unit
                G;COMMERCIAL_BANKING;DIRECT_CHARGE;;P;10000.00;1;2025-03-12;2025-03-12
                G;RETAIL_BANKING;DIRECT_CHARGE;;P;15000.00;1;2025-03-10;2025-03-10
                """.formatted(EventCategory.EXTERNAL_FRAUD.types().get(0).name()), text);
    }

    /** F4: text is escaped in the serialisation (\\, \;, \n, \r), so no field can pass for another. */
    @Test
    void theHashEscapesTheTextItReads() {
        EventType type = EventCategory.EXTERNAL_FRAUD.types().get(0);
        LossEvent event = new LossEvent(7, "R;1", "Back\\slash\nnew line\r", EventCategory.EXTERNAL_FRAUD, type,
                false, false, false, LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3), "MAIN", "Main; entity", null,
                "Unit", List.of());
        String text = LedgerHash.serialise(DECEMBER, null, RULE, List.of(event));
        assertTrue(text.endsWith("E;7;R\\;1;Back\\\\slash\\nnew line\\r;EXTERNAL_FRAUD;" + type.name()
                + ";false;false;false;2025-01-02;2025-01-03;MAIN;Main\\; entity;;Unit\n"), text);
        LedgerHash.Digest digest = new LedgerHash.Digest(DECEMBER, null, RULE);
        digest.add(LedgerHash.Serialised.of(event));
        assertEquals(LedgerHash.of(DECEMBER, null, RULE, List.of(event)), digest.hex());
    }

    private static void both(Map<String, String> expected, String row, String column, String value) {
        expected.put(row + "/" + column, value);
        expected.put(row + "/0080", value);
    }

    private static void assertCells(Map<String, String> expected, C17Return result) {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : result.cells().values()) {
            String key = C17Return.key(cell.row(), cell.column());
            BigDecimal want = new BigDecimal(expected.getOrDefault(key, "0"));
            if (want.compareTo(cell.value()) != 0) {
                wrong.add(key + " expected " + want + " was " + cell.value());
            }
        }
        for (String key : expected.keySet()) {
            if (!result.cells().containsKey(key)) {
                wrong.add(key + " missing");
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void assertValue(String expected, C17Return result, String row, String column) {
        assertEquals(0, new BigDecimal(expected).compareTo(result.value(row, column)),
                row + "/" + column + " was " + result.value(row, column));
    }

    private static void assertLarge(LargeEvent event, int line, String first, String gross, String netOfDirect,
            String insurance) {
        assertEquals(line, event.line());
        assertEquals(LocalDate.parse(first), event.firstAccounting());
        assertEquals(0, new BigDecimal(gross).compareTo(event.gross()));
        assertEquals(0, new BigDecimal(netOfDirect).compareTo(event.grossNetOfDirect()));
        assertEquals(0, new BigDecimal(insurance).compareTo(event.insurance()));
    }

    /** An event by value with its ledger lines; {@link #compute} sums the lines as the database does. */
    record Ev(LossEvent event, List<LedgerLine> lines) {

        LossEvent in(ReportingPeriod period) {
            LossEvent e = event;
            return new LossEvent(e.rootId(), e.reference(), e.title(), e.category(), e.eventType(), e.nearMiss(),
                    e.gainEvent(), e.creditBoundary(), e.occurrenceDate(), e.discoveryDate(), e.entityCode(),
                    e.entityName(), e.entityLei(), e.orgUnit(), LineGroup.of(lines, period));
        }

        Ev category(EventCategory category) {
            LossEvent e = event;
            return new Ev(new LossEvent(e.rootId(), e.reference(), e.title(), category, category.types().get(0),
                    e.nearMiss(), e.gainEvent(), e.creditBoundary(), e.occurrenceDate(), e.discoveryDate(),
                    e.entityCode(), e.entityName(), e.entityLei(), e.orgUnit(), List.of()), lines);
        }
    }

    static List<LossEvent> inputs(List<Ev> events, LocalDate referenceDate) {
        ReportingPeriod period = ReportingPeriod.of(referenceDate).orElseThrow();
        return events.stream().map(e -> e.in(period)).toList();
    }

    static C17Return compute(List<Ev> events, LocalDate referenceDate, Rule rule) {
        return C17Computation.compute(inputs(events, referenceDate), ReportingPeriod.of(referenceDate).orElseThrow(),
                rule);
    }

    static Rule rule(String threshold, String eurRate) {
        return new Rule(new BigDecimal(threshold), "EUR", new BigDecimal(eurRate), LocalDate.of(2025, 12, 31),
                new BigDecimal("100000"));
    }

    private static Ev event(long id, String reference, EventCategory category, boolean nearMiss, boolean gain,
            boolean credit, LedgerLine... lines) {
        EventType type = category.types().get(0);
        return new Ev(new LossEvent(id, reference, "Event " + reference, category, type, nearMiss, gain, credit,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), "MAIN", "Main legal entity", null, "Unit",
                List.of()), List.of(lines));
    }

    private static LedgerLine line(long incidentId, LossType type, RecoveryStatus status, String amount,
            String date, BusinessLine line) {
        return new LedgerLine(nextLine++, incidentId, type, status, new BigDecimal(amount).setScale(2),
                LocalDate.parse(date), line);
    }
}
