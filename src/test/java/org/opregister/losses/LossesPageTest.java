package org.opregister.losses;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditEntry;
import org.opregister.incident.DataSetRule;
import org.opregister.incident.DateBasis;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LedgerTotals;
import org.opregister.incident.LossEntry;
import org.opregister.incident.LossEvents;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.incident.Severity;
import org.opregister.reference.LegalEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The losses page on a small hand-built ledger in 2003 (a year no other test books in), its figures written here:
 * <ul>
 * <li>A: external theft, retail banking; direct charge 50,000 (15 Feb), provision 10,000 (1 Mar), release 4,000
 * (2 May), insurance received 6,000 (20 May), insurance expected 9,000 (1 Jun, never deducted): gross 56,000, net
 * 50,000;</li>
 * <li>B: grouped under A, its own classification systems / commercial banking; direct charge 3,000 (20 Feb): counts
 * in A's event and A's cell;</li>
 * <li>C: systems, commercial banking, title starting with '='; direct charge 8,000 (3 Jul), external expense 2,000
 * (10 Aug): net 10,000, below the 20,000 threshold;</li>
 * <li>D: transaction capture, retail banking, occurred 2002; direct charge 30,000 (10 Nov 2002), other recovery
 * received 5,000 (15 Mar 2003): in 2003 gross 0, net −5,000; over its ledger net 25,000, in the data set.</li>
 * </ul>
 */
@QuarkusTest
class LossesPageTest {

    static final LocalDate FROM = LocalDate.of(2003, 1, 1);
    static final LocalDate TO = LocalDate.of(2003, 12, 31);
    static final String PERIOD = "dates=ACCOUNTING&from=2003-01-01&to=2003-12-31";
    static final DataSetRule RULE = new DataSetRule(new BigDecimal("20000"), "NET");

    static long a;
    static long b;
    static long c;
    static long d;

    @BeforeAll
    static void ledger() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Incident.findByReference("LT-2003-A") != null) {
                return;
            }
            Incident ia = incident("LT-2003-A", "Card skimming ring", EventType.EXTERNAL_THEFT_AND_FRAUD,
                    BusinessLine.RETAIL_BANKING, "2003-02-10", null,
                    line(LossType.DIRECT_CHARGE, null, "50000", "2003-02-15"),
                    line(LossType.PROVISION, null, "10000", "2003-03-01"),
                    line(LossType.PROVISION_RELEASE, null, "4000", "2003-05-02"),
                    line(LossType.INSURANCE_RECOVERY, RecoveryStatus.RECEIVED, "6000", "2003-05-20"),
                    line(LossType.INSURANCE_RECOVERY, RecoveryStatus.EXPECTED, "9000", "2003-06-01"));
            Incident ib = incident("LT-2003-B", "Skimming: card reissue run", EventType.SYSTEMS,
                    BusinessLine.COMMERCIAL_BANKING, "2003-02-18", ia,
                    line(LossType.DIRECT_CHARGE, null, "3000", "2003-02-20"));
            Incident ic = incident("LT-2003-C", "=HYPERLINK(\"http://x\")", EventType.SYSTEMS,
                    BusinessLine.COMMERCIAL_BANKING, "2003-07-01", null,
                    line(LossType.DIRECT_CHARGE, null, "8000", "2003-07-03"),
                    line(LossType.EXTERNAL_EXPENSE, null, "2000", "2003-08-10"));
            Incident id = incident("LT-2003-D", "Duplicate payment run", EventType.TRANSACTION_CAPTURE_EXECUTION,
                    BusinessLine.RETAIL_BANKING, "2002-11-05", null,
                    line(LossType.DIRECT_CHARGE, null, "30000", "2002-11-10"),
                    line(LossType.OTHER_RECOVERY, RecoveryStatus.RECEIVED, "5000", "2003-03-15"));
            incident("LT-2003-E", "Flooded archive, nothing lost", EventType.DISASTERS_AND_OTHER_EVENTS,
                    BusinessLine.RETAIL_BANKING, "2003-04-01", null).nearMiss = true;
            incident("LT-2003-F", "Broken branch window, cost not known yet", EventType.DISASTERS_AND_OTHER_EVENTS,
                    BusinessLine.RETAIL_BANKING, "2003-04-02", null);
            // Written without the service: the lines' events are filled in as a bulk load would.
            LossEvents.refreshAll();
        });
        QuarkusTransaction.requiringNew().run(() -> {
            a = Incident.findByReference("LT-2003-A").id;
            b = Incident.findByReference("LT-2003-B").id;
            c = Incident.findByReference("LT-2003-C").id;
            d = Incident.findByReference("LT-2003-D").id;
        });
    }

    private static LossEntry line(LossType type, RecoveryStatus status, String amount, String date) {
        LossEntry entry = new LossEntry();
        entry.type = type;
        entry.recoveryStatus = status;
        entry.amount = new BigDecimal(amount);
        entry.currency = "EUR";
        entry.fxRate = BigDecimal.ONE;
        entry.reportingAmount = new BigDecimal(amount).setScale(2);
        entry.reportingCurrency = "EUR";
        entry.accountingDate = LocalDate.parse(date);
        entry.description = "test line";
        return entry;
    }

    private static Incident incident(String reference, String title, EventType type, BusinessLine line,
            String occurred, Incident root, LossEntry... lines) {
        Incident incident = new Incident();
        incident.reference = reference;
        incident.title = title;
        incident.status = IncidentStatus.OPEN;
        incident.severity = Severity.MEDIUM;
        incident.eventCategory = type.category;
        incident.eventType = type;
        incident.businessLine = line;
        incident.orgUnit = "Test unit";
        incident.owner = "officer";
        incident.occurrenceDate = LocalDate.parse(occurred);
        incident.discoveryDate = LocalDate.parse(occurred);
        incident.reportingDate = LocalDate.parse(occurred);
        incident.rootEvent = root;
        incident.legalEntity = LegalEntity.findAll().firstResult();
        List<LedgerTotals.Line> figures = new ArrayList<>();
        for (LossEntry entry : lines) {
            figures.add(entry.line());
        }
        LedgerTotals totals = LedgerTotals.of(figures);
        incident.grossLoss = totals.gross();
        incident.recoveries = totals.recoveries();
        incident.expectedRecoveries = totals.expectedRecoveries();
        incident.provisions = totals.provisions();
        incident.netLoss = totals.net();
        incident.persist();
        for (LossEntry entry : lines) {
            entry.incident = incident;
            entry.businessLine = line;
            entry.persist();
        }
        return incident;
    }

    private static LossFigures figures(long events, String gross, String net) {
        return new LossFigures(events, new BigDecimal(gross).setScale(2), new BigDecimal(net).setScale(2));
    }

    private static LossPeriod year(DateBasis basis, Grain grain) {
        return new LossPeriod(FROM, TO, basis, grain);
    }

    private static LossAnalytics.PeriodFigures tables(DateBasis basis, Grain grain) {
        return read(() -> LossAnalytics.figures(year(basis, grain), RULE));
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    @Test
    void matrixCellsAndTotalsCountAGroupedIncidentOnceUnderItsRoot() {
        LossMatrix matrix = tables(DateBasis.ACCOUNTING, Grain.MONTH).matrix();
        assertEquals(List.of(BusinessLine.RETAIL_BANKING, BusinessLine.COMMERCIAL_BANKING), matrix.lines());
        LossMatrix.Row fraud = matrix.rows().stream().filter(r -> r.category() == EventCategory.EXTERNAL_FRAUD)
                .findFirst().orElseThrow();
        assertEquals(figures(1, "59000", "53000"), fraud.cell(BusinessLine.RETAIL_BANKING),
                "A (50,000 + 10,000 − 4,000 gross, 6,000 received) with B's 3,000: one event");
        assertEquals(LossFigures.NONE, fraud.cell(BusinessLine.COMMERCIAL_BANKING), "B is counted under its root");
        assertEquals(EventType.EXTERNAL_THEFT_AND_FRAUD, fraud.types().get(0).type());
        assertEquals(figures(1, "59000", "53000"), fraud.types().get(0).total());
        LossMatrix.Row execution = matrix.rows().stream()
                .filter(r -> r.category() == EventCategory.EXECUTION_DELIVERY_PROCESS).findFirst().orElseThrow();
        assertEquals(figures(1, "0", "-5000"), execution.cell(BusinessLine.RETAIL_BANKING),
                "a recovery received in 2003 for a 2002 loss counts in 2003");
        assertEquals(figures(2, "59000", "48000"), matrix.column(BusinessLine.RETAIL_BANKING));
        assertEquals(figures(1, "10000", "10000"), matrix.column(BusinessLine.COMMERCIAL_BANKING));
        assertEquals(figures(3, "69000", "58000"), matrix.total());
        assertEquals(3, matrix.rows().size());
        List<LossMatrix.Line> flat = matrix.flat();
        assertEquals(figures(3, "69000", "58000"), flat.get(flat.size() - 1).figures());
    }

    @Test
    void theDashboardsCategoriesAreTheMatrixsLevel1RowsSummedByTheDatabase() {
        List<LossAnalytics.CategoryLoss> categories = read(
                () -> LossAnalytics.byCategory(year(DateBasis.ACCOUNTING, Grain.MONTH)));
        assertEquals(List.of(
                new LossAnalytics.CategoryLoss(EventCategory.EXTERNAL_FRAUD, figures(1, "59000", "53000")),
                new LossAnalytics.CategoryLoss(EventCategory.BUSINESS_DISRUPTION,
                        figures(1, "10000", "10000")),
                new LossAnalytics.CategoryLoss(EventCategory.EXECUTION_DELIVERY_PROCESS, figures(1, "0", "-5000"))),
                categories, "A with B under its root; C; D's 2003 recovery; largest net first");
        for (DateBasis basis : DateBasis.values()) {
            for (LossPeriod period : List.of(year(basis, Grain.MONTH),
                    new LossPeriod(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31), basis, Grain.YEAR))) {
                Map<EventCategory, LossFigures> scanned = new EnumMap<>(EventCategory.class);
                read(() -> LossAnalytics.figures(period, RULE).matrix()).rows()
                        .forEach(row -> scanned.put(row.category(), row.total()));
                Map<EventCategory, LossFigures> summed = new EnumMap<>(EventCategory.class);
                read(() -> LossAnalytics.byCategory(period))
                        .forEach(category -> summed.put(category.category(), category.figures()));
                assertEquals(scanned, summed, basis + " " + period.from() + ".." + period.to());
            }
        }
    }

    @Test
    void onTheOccurrenceBasisIncidentsOfThePeriodCountWithTheirWholeLedger() {
        LossMatrix matrix = tables(DateBasis.OCCURRENCE, Grain.MONTH).matrix();
        // A and B occurred in 2003 (one event: 56,000 + 3,000 gross, 50,000 + 3,000 net), C too; D in 2002.
        LossMatrix.Row fraud = matrix.rows().stream().filter(r -> r.category() == EventCategory.EXTERNAL_FRAUD)
                .findFirst().orElseThrow();
        assertEquals(figures(1, "59000", "53000"), fraud.cell(BusinessLine.RETAIL_BANKING));
        assertTrue(tables(DateBasis.OCCURRENCE, Grain.MONTH).matrix().rows().stream()
                .noneMatch(r -> r.category() == EventCategory.EXECUTION_DELIVERY_PROCESS));
        assertTrue(matrix.rows().stream().noneMatch(r -> r.category() == EventCategory.DAMAGE_TO_PHYSICAL_ASSETS),
                "a near miss (E) and an incident without a loss (F) are not loss events");
        assertEquals(figures(2, "69000", "63000"), matrix.total(), "A with B, and C");
    }

    @Test
    void trendBucketsByMonthQuarterAndYear() {
        List<LossAnalytics.TrendRow> months = tables(DateBasis.ACCOUNTING, Grain.MONTH).trend();
        assertEquals(12, months.size(), "every month, empty ones too");
        assertEquals("2003-02", months.get(1).bucket().label());
        assertEquals(figures(1, "53000", "53000"), months.get(1).figures(), "A and B in February: one event");
        assertEquals(figures(2, "10000", "5000"), months.get(2).figures(), "A's provision, D's recovery");
        assertEquals(figures(1, "-4000", "-10000"), months.get(4).figures(), "release and recovery in May");
        assertEquals(figures(1, "0", "0"), months.get(5).figures(), "an expected recovery is not deducted");
        assertEquals(LossFigures.NONE, months.get(11).figures());

        List<LossAnalytics.TrendRow> quarters = tables(DateBasis.ACCOUNTING, Grain.QUARTER).trend();
        assertEquals(List.of("2003-Q1", "2003-Q2", "2003-Q3", "2003-Q4"),
                quarters.stream().map(q -> q.bucket().label()).toList());
        assertEquals(figures(2, "63000", "58000"), quarters.get(0).figures());
        assertEquals(figures(1, "-4000", "-10000"), quarters.get(1).figures());
        assertEquals(figures(1, "10000", "10000"), quarters.get(2).figures(), "C's two lines: one event");
        assertEquals(LossFigures.NONE, quarters.get(3).figures());

        List<LossAnalytics.TrendRow> years = tables(DateBasis.ACCOUNTING, Grain.YEAR).trend();
        assertEquals(1, years.size());
        assertEquals(figures(3, "69000", "58000"), years.get(0).figures());
    }

    @Test
    void topTenByNetLossLargestFirstAndDataSetShare() {
        List<LossAnalytics.TopEvent> top = tables(DateBasis.ACCOUNTING, Grain.MONTH).top();
        assertEquals(List.of("LT-2003-A", "LT-2003-C"), top.stream().map(LossAnalytics.TopEvent::reference).toList(),
                "D's net in 2003 is below zero");
        assertEquals(figures(1, "59000", "53000"), top.get(0).figures());
        assertEquals(1, top.get(0).rank());

        LossAnalytics.DataSetShare share = tables(DateBasis.ACCOUNTING, Grain.MONTH).share();
        assertEquals(figures(2, "59000", "48000"), share.in(), "A with B (53,000 net overall) and D (25,000)");
        assertEquals(figures(1, "10000", "10000"), share.out(), "C: 10,000 is below 20,000");
        assertEquals(67, share.eventsPercentIn());
        assertEquals(83, share.netPercentIn(), "48,000 of 58,000");
    }

    @Test
    void pageShowsTheFiguresWithDrillDownsToTheRegister() {
        Session officer = TestSupport.session("officer");
        String fraudCell = "/incidents?" + PERIOD + "&eventType=EXTERNAL_FRAUD&businessLine=RETAIL_BANKING"
                + "&classifyBy=EVENT";
        officer.request().get("/losses?" + PERIOD + "&level=2").then().statusCode(200)
                .body(containsString("href=\"" + fraudCell.replace("&", "&amp;") + "\""))
                .body(containsString("/incidents?" + PERIOD.replace("&", "&amp;")
                        + "&amp;eventType=EXTERNAL_THEFT_AND_FRAUD&amp;businessLine=RETAIL_BANKING&amp;classifyBy=EVENT"))
                .body(containsString("/incidents?" + PERIOD.replace("&", "&amp;") + "&amp;dataSet=IN"))
                .body(containsString("/incidents?dates=ACCOUNTING&amp;from=2003-02-01&amp;to=2003-02-28"))
                .body(containsString("href=\"/incidents/" + a + "\""))
                .body(containsString("59,000.00 EUR"))
                .body(containsString("53,000.00 EUR"))
                .body(containsString("-5,000.00 EUR"));
        // The register behind the cell lists A and B (B under its root's classification), not C.
        officer.request().get(fraudCell).then().statusCode(200)
                .body(containsString("LT-2003-A")).body(containsString("LT-2003-B"))
                .body(not(containsString("LT-2003-C")))
                .body(containsString("grouped incident is listed under its root"));
        officer.request().get("/incidents?" + PERIOD + "&eventType=SYSTEMS&businessLine=COMMERCIAL_BANKING"
                + "&classifyBy=EVENT").then().statusCode(200)
                .body(containsString("LT-2003-C")).body(not(containsString("LT-2003-B")));
        // Without classifyBy the register reads each incident's own classification, as before.
        officer.request().get("/incidents?" + PERIOD + "&eventType=SYSTEMS&businessLine=COMMERCIAL_BANKING")
                .then().statusCode(200).body(containsString("LT-2003-B")).body(containsString("LT-2003-C"));
        officer.request().get("/incidents?classifyBy=NONSENSE").then().statusCode(400);
    }

    @Test
    void badPeriodShowsThePageWithAMessageAndTheInputKept() {
        Session officer = TestSupport.session("officer");
        officer.request().get("/losses?from=2003-12-31&to=2003-01-01").then().statusCode(400)
                .body(containsString("value=\"2003-12-31\""))
                .body(containsString("value=\"2003-01-01\""))
                .body(containsString("is-invalid"))
                .body(containsString("Correct the period above"));
        officer.request().get("/losses?from=2003-13-45&dates=ACCOUNTING").then().statusCode(400)
                .body(containsString("value=\"2003-13-45\""));
        officer.request().get("/losses?grain=WEEK").then().statusCode(400);
        officer.request().get("/losses?from=1990-01-01&to=2003-01-01").then().statusCode(400)
                .body(containsString("at most 10 years"));
        officer.request().get("/losses/matrix.csv?from=2003-12-31&to=2003-01-01").then().statusCode(400);
        officer.request().get("/?from=bad").then().statusCode(400).body(containsString("value=\"bad\""));
    }

    @Test
    void defaultPeriodIsTheLatestTwelveMonthsThatHoldData() {
        LossPeriod example = LossPeriod.latestTwelveMonths(LocalDate.of(2025, 2, 28), DateBasis.ACCOUNTING,
                Grain.MONTH);
        assertEquals(LocalDate.of(2024, 3, 1), example.from(), "the example's last line: its recovery of 28 Feb 2025");
        assertEquals(LocalDate.of(2025, 2, 28), example.to());
        assertTrue(!example.from().isAfter(LocalDate.of(2024, 7, 19)), "the outage's losses are inside");

        LocalDate latest = read(() -> LossAnalytics.latestData(DateBasis.ACCOUNTING));
        LossPeriod expected = LossPeriod.latestTwelveMonths(latest, DateBasis.ACCOUNTING, Grain.MONTH);
        String query = "dates=ACCOUNTING&amp;from=" + expected.from() + "&amp;to=" + expected.to();
        Session auditor = TestSupport.session("auditor");
        auditor.request().get("/losses").then().statusCode(200)
                .body(containsString("value=\"" + expected.from() + "\""))
                .body(containsString("/losses/matrix.csv?" + query));
        auditor.request().get("/").then().statusCode(200)
                .body(containsString("href=\"/losses?" + query + "&amp;grain=MONTH\""));
        auditor.request().get("/?" + PERIOD).then().statusCode(200)
                .body(containsString("/incidents?" + PERIOD.replace("&", "&amp;") + "&amp;eventType=EXTERNAL_FRAUD"));
    }

    @Test
    void csvAndXlsxCarryTheTables() throws Exception {
        Session manager = TestSupport.session("manager");
        long audits = read(() -> AuditEntry.count());
        String csv = manager.request().get("/losses/matrix.csv?" + PERIOD).then().statusCode(200).extract()
                .asString();
        assertTrue(csv.contains("level,event_category,event_type,business_line,events,gross_loss,net_loss"), csv);
        assertTrue(csv.contains("1,EXTERNAL_FRAUD,,RETAIL_BANKING,1,59000.00,53000.00,EUR,ACCOUNTING,2003-01-01,"
                + "2003-12-31"), csv);
        assertTrue(csv.contains("0,,,,3,69000.00,58000.00,EUR"), csv);
        String trend = manager.request().get("/losses/trend.csv?" + PERIOD + "&grain=QUARTER").then()
                .statusCode(200).extract().asString();
        assertTrue(trend.contains("2003-Q1,2003-01-01,2003-03-31,2,63000.00,58000.00,EUR,ACCOUNTING"), trend);
        String top = manager.request().get("/losses/top.csv?" + PERIOD).then().statusCode(200).extract()
                .asString();
        assertTrue(top.contains("'=HYPERLINK"), "formula neutralised in CSV: " + top);

        byte[] xlsx = manager.request().get("/losses/top.xlsx?" + PERIOD).then().statusCode(200)
                .header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Rank", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("rank", sheet.getRow(1).getCell(0).getStringCellValue());
            Row first = sheet.getRow(2);
            assertEquals(CellType.NUMERIC, first.getCell(0).getCellType());
            assertEquals("LT-2003-A", first.getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(6).getCellType());
            assertEquals(53000.0, first.getCell(7).getNumericCellValue());
            assertEquals(LocalDate.of(2003, 2, 10), first.getCell(5).getLocalDateTimeCellValue().toLocalDate());
            Row second = sheet.getRow(3);
            assertEquals(CellType.STRING, second.getCell(2).getCellType(), "a text starting with '=' is a string");
            assertEquals("=HYPERLINK(\"http://x\")", second.getCell(2).getStringCellValue());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertTrue(sheet instanceof org.apache.poi.xssf.usermodel.XSSFSheet s && s.getCTWorksheet()
                    .isSetAutoFilter(), "auto-filter on the header");
        }
        byte[] matrixXlsx = manager.request().get("/losses/matrix.xlsx?" + PERIOD).then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(matrixXlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertEquals(69000.0, last.getCell(5).getNumericCellValue());
        }
        manager.request().get("/losses/trend.xlsx?" + PERIOD).then().statusCode(200);
        assertEquals(audits + 6, read(() -> AuditEntry.count()), "one audit entry per download");
    }
}
