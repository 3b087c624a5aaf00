package org.opregister.corep;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.incident.LedgerLock;
import org.opregister.reference.LegalEntity;
import org.opregister.seed.ExampleCase;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C 17 from the database: the example case's figures, the pages for every role, bad input, the downloads (CSV,
 * XLSX read back) and their audit entry with the hash of the lines used.
 */
@QuarkusTest
class C17ReturnsTest {

    private static final LocalDate END_2023 = LocalDate.of(2023, 12, 31);
    private static final String ENTITY = "C17T";

    @Inject
    C17Returns returns;

    /** The example case alone (the test database also holds other tests' incidents). */
    private C17Return exampleCase(LocalDate referenceDate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long root = Incident.findByReference(ExampleCase.REFERENCE).id;
            ReportingPeriod period = ReportingPeriod.of(referenceDate).orElseThrow();
            List<ReturnInput.LossEvent> events = new ArrayList<>();
            returns.load(period, null, e -> {
                if (e.rootId() == root) {
                    events.add(e);
                }
            });
            assertEquals(1, events.size());
            return C17Computation.compute(events, period, new ReturnInput.Rule(new BigDecimal("20000"), "EUR",
                    BigDecimal.ONE, referenceDate, new BigDecimal("100000")));
        });
    }

    @Test
    void theExampleCaseAtTheEndOf2024() {
        C17Return r = exampleCase(LocalDate.of(2024, 12, 31));
        // business disruption (0060); lines in payment and settlement, retail banking and agency services
        assertValue("1", r, "0510", "0060");
        assertValue("1260000", r, "0520", "0060");
        assertValue("1260000", r, "0550", "0060");
        assertValue("1198000", r, "0570", "0060");
        assertValue("1", r, "0410", "0060");
        assertValue("646500", r, "0420", "0060");
        assertValue("646500", r, "0450", "0060");
        assertValue("1", r, "0610", "0060");
        assertValue("95000", r, "0620", "0060");
        assertValue("1", r, "0910", "0080");
        assertValue("2001500", r, "0920", "0080");
        assertValue("1", r, "0914", "0080");
        assertValue("2001500", r, "0924", "0080");
        assertValue("1260000", r, "0950", "0080");
        assertValue("2001500", r, "0960", "0080");
        assertValue("1198000", r, "0970", "0080");
        assertValue("0", r, "0980", "0080");
        assertValue("0", r, "0930", "0080");
        assertEquals(1, r.largeEvents().size());
        assertEquals(0, new BigDecimal("2001500").compareTo(r.largeEvents().get(0).gross()));
        assertEquals(0, new BigDecimal("803500").compareTo(r.largeEvents().get(0).grossNetOfDirect()));
        assertEquals(LocalDate.of(2024, 7, 22), r.largeEvents().get(0).firstAccounting());
    }

    @Test
    void theExampleCaseAtTheEndOf2025() {
        C17Return r = exampleCase(LocalDate.of(2025, 12, 31));
        assertValue("0", r, "0910", "0080");
        assertValue("0", r, "0930", "0080");
        assertValue("0", r, "0940", "0080");
        assertValue("162000", r, "0480", "0060");
        assertValue("162000", r, "0980", "0080");
        assertValue("0", r, "0970", "0080");
        assertTrue(r.largeEvents().isEmpty(), "neither new nor adjusted in 2025");
        C17Return june = exampleCase(LocalDate.of(2025, 6, 30));
        assertValue("162000", june, "0980", "0060");
    }

    @Test
    void anEventWithoutALineInThePeriodIsNotRead() {
        boolean read = QuarkusTransaction.requiringNew().call(() -> {
            long root = Incident.findByReference(ExampleCase.REFERENCE).id;
            List<Long> roots = new ArrayList<>();
            returns.load(ReportingPeriod.of(LocalDate.of(2026, 12, 31)).orElseThrow(), null,
                    e -> roots.add(e.rootId()));
            return roots.contains(root);
        });
        assertFalse(read, "the example case has no line in 2026: it adds nothing to the 2026 return");
    }

    @Test
    void everyRoleReadsThePages() {
        entity(ENTITY);
        for (String who : List.of("officer", "manager", "auditor", "admin")) {
            Session session = TestSupport.session(who);
            session.request().get("/reports").then().statusCode(200).body(containsString("/reports/c17-01"))
                    .body(containsString("/reports/sma"));
            session.request().get("/reports/c17-01").then().statusCode(200).body(containsString("row-0910"));
            session.request().get("/reports/c17-01?referenceDate=2023-12-31&entity=" + ENTITY).then().statusCode(200)
                    .body(containsString("data-cell=\"0910/0080\"><a href=\"/reports/c17-01/cells/0910/0080?"
                            + "referenceDate=2023-12-31&amp;entity=" + ENTITY + "\">1</a>"))
                    .body(containsString("150,000.00"))
                    .body(containsString("provisional"));
            session.request().get("/reports/c17-02?referenceDate=2023-12-31&entity=" + ENTITY).then()
                    .statusCode(200).body(containsString("C17 test event " + ENTITY));
            session.request().get("/reports/c17-01/cells/0520/0070?referenceDate=2023-12-31&entity=" + ENTITY)
                    .then().statusCode(200).body(containsString("C17 test event " + ENTITY))
                    .body(containsString("150,000.00"));
        }
    }

    @Test
    void theLargeEventsAreShownAPageAtATimeAndTheDownloadsHoldThemAll() {
        String code = "C17P";
        entity(code);
        Session officer = TestSupport.session("officer");
        event(officer, code, "C17 second event " + code, "2023-05-01", "250000");
        String query = "/reports/c17-02?referenceDate=2023-12-31&entity=" + code;
        String all = officer.request().get(query).then().statusCode(200).extract().asString();
        assertTrue(all.contains("C17 test event " + code) && all.contains("C17 second event " + code), all);
        assertFalse(all.contains("rel=\"next\""), "two events fit on one page: no pager");
        String first = officer.request().get(query + "&size=1").then().statusCode(200)
                .body(containsString("Rows 1-1 of 2")).extract().asString();
        String next = officer.request().get(query + "&size=1&page=2").then().statusCode(200)
                .body(containsString("Rows 2-2 of 2")).extract().asString();
        assertTrue(first.contains("C17 test event " + code) != next.contains("C17 test event " + code),
                "each event on one page only");
        assertTrue(first.contains("C17 second event " + code) != next.contains("C17 second event " + code));
        assertTrue(first.contains("href=\"/reports/c17-02?referenceDate=2023-12-31&amp;entity=" + code
                + "&amp;page=2&size=1\""), "the pager keeps the return's date and entity");
        officer.request().get(query + "&size=1&page=99").then().statusCode(200).body(containsString("Rows 2-2 of 2"));
        String csv = officer.request().get("/reports/c17-02.csv?referenceDate=2023-12-31&entity=" + code + "&size=1")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("C17 test event " + code) && csv.contains("C17 second event " + code), csv);
    }

    @Test
    void badInputIsAnsweredWithAMessage() {
        Session officer = TestSupport.session("officer");
        officer.request().get("/reports/c17-01?referenceDate=2024-09-30").then().statusCode(400)
                .body(containsString("30 June or 31 December only"));
        officer.request().get("/reports/c17-02?referenceDate=yesterday").then().statusCode(400)
                .body(containsString("Enter a date as YYYY-MM-DD"));
        officer.request().get("/reports/c17-01?referenceDate=2024-12-31&entity=NOPE").then().statusCode(400)
                .body(containsString("no legal entity with the code NOPE"));
        officer.request().get("/reports/c17-01.csv?referenceDate=2024-10-31").then().statusCode(400)
                .body(containsString("30 June or 31 December only"));
        officer.request().get("/reports/c17-01/cells/0999/0080?referenceDate=2024-12-31").then().statusCode(404);
        officer.request().get("/reports/c17-01/cells/0910/0110?referenceDate=2024-12-31").then().statusCode(404);
        officer.request().get("/reports/c17-01/cells/0911/0090?referenceDate=2024-12-31").then().statusCode(404);
    }

    @Test
    void theCsvHasOneRowPerCellAndItsDownloadIsAudited() {
        entity(ENTITY);
        Session auditor = TestSupport.session("auditor");
        String body = auditor.request().get("/reports/c17-01.csv?referenceDate=2023-12-31&entity=" + ENTITY).then()
                .statusCode(200).extract().asString();
        List<String> lines = body.replace("\uFEFF", "").lines().toList();
        assertEquals("template,row,column,value", lines.get(0));
        assertTrue(lines.contains("C_17.01,0910,0080,1"), body);
        assertTrue(lines.contains("C_17.01,0520,0070,150000.00"), body);
        assertTrue(lines.contains("C_17.01,0570,0080,10000.00"), body);
        assertTrue(lines.contains("C_17.01,0913,0080,1"), body);
        assertTrue(lines.contains("C_17.01,0923,0080,150000.00"), body);
        assertTrue(lines.contains("C_17.01,0410,0080,0"), body);
        assertTrue(lines.contains("C_17.01,0510,0090,20000.00"), body);
        assertEquals(C17Codes.ROWS.size() * 8 + 20 + 1, lines.size());

        String hash = QuarkusTransaction.requiringNew()
                .call(() -> returns.prepare("2023-12-31", ENTITY).hash());
        AuditEntry entry = lastExport();
        assertEquals("auditor", entry.username);
        assertTrue(entry.details.contains("export=corep-c17-01.csv"), entry.details);
        assertTrue(entry.details.contains("template=C_17.01; referenceDate=2023-12-31; entity=" + ENTITY),
                entry.details);
        assertTrue(entry.details.contains("lockedThrough=(none); referenceDateLocked=false"), entry.details);
        assertTrue(entry.details.contains("ledgerLines=2; sha256=" + hash), entry.details);

        String c1702 = auditor.request().get("/reports/c17-02.csv?referenceDate=2023-12-31&entity=" + ENTITY)
                .then().statusCode(200).extract().asString();
        assertTrue(c1702.contains("C_17.02,0001,0060,150000.00"), c1702);
        assertTrue(c1702.contains("C_17.02,0001,0070,140000.00"), c1702);
        assertTrue(c1702.contains("C_17.02,0001,0020,2023-03-31"), c1702);
        assertTrue(c1702.contains("C_17.02,0001,0130,150000.00"), c1702);
        assertTrue(c1702.contains("C_17.02,0001,0170," + ENTITY), c1702);
        assertTrue(lastExport().details.contains("template=C_17.02"));
    }

    @Test
    void theHashIsTheSameForTheSameDataAndChangesWithALineOfThePeriod() {
        String code = "C17H";
        long incident = entity(code);
        String first = downloadHash(code);
        assertEquals(first, downloadHash(code), "same data, same hash");
        IncidentFixtures.addLoss(TestSupport.session("officer"), incident,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "5000", "EUR", "", "2023-06-30"));
        String changed = downloadHash(code);
        assertNotEquals(first, changed);
    }

    @Test
    void theLockStateIsShownAndRecorded() {
        entity(ENTITY);
        Session manager = TestSupport.session("manager");
        manager.request().get("/reports/c17-01?referenceDate=2023-12-31&entity=" + ENTITY).then()
                .body(containsString("The ledger is not locked")).body(containsString("href=\"/losses/lock\""));
        QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = END_2023);
        try {
            manager.request().get("/reports/c17-01?referenceDate=2023-12-31&entity=" + ENTITY).then()
                    .body(containsString("locked through 2023-12-31"));
            manager.request().get("/reports/c17-01.xlsx?referenceDate=2023-12-31&entity=" + ENTITY).then()
                    .statusCode(200);
            assertTrue(lastExport().details.contains("lockedThrough=2023-12-31; referenceDateLocked=true"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = null);
        }
    }

    @Test
    void theXlsxIsLaidOutAsTheTemplate() throws Exception {
        entity(ENTITY);
        Session officer = TestSupport.session("officer");
        byte[] bytes = officer.request().get("/reports/c17-01.xlsx?referenceDate=2023-12-31&entity=" + ENTITY)
                .then().statusCode(200)
                .header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
        assertTrue(lastExport().details.contains("export=corep-c17-01.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertTrue(title.contains("C 17.01") && title.contains("2023-12-31") && title.contains(ENTITY)
                    && title.contains("EUR") && title.contains("ledger not locked"), title);
            assertEquals("0080", sheet.getRow(2).getCell(9).getStringCellValue());
            Row total = find(sheet, "0910");
            assertEquals(CellType.NUMERIC, total.getCell(9).getCellType());
            assertEquals(1.0, total.getCell(9).getNumericCellValue());
            assertEquals(150000.0, find(sheet, "0520").getCell(8).getNumericCellValue());
            assertTrue(find(sheet, "0520").getCell(1).getStringCellValue().startsWith("Payment and settlement"));
        }
        byte[] large = officer.request().get("/reports/c17-02.xlsx?referenceDate=2023-12-31&entity=" + ENTITY)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(large))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("0010", sheet.getRow(2).getCell(1).getStringCellValue());
            Row first = sheet.getRow(4);
            assertEquals("0001", first.getCell(0).getStringCellValue());
            assertTrue(first.getCell(1).getStringCellValue().startsWith("INC-"));
            assertEquals(CellType.NUMERIC, first.getCell(7).getCellType(), "gross loss as a number");
            assertEquals(150000.0, first.getCell(7).getNumericCellValue());
            assertEquals(LocalDate.of(2023, 3, 31), first.getCell(2).getLocalDateTimeCellValue().toLocalDate());
        }
    }

    private static Row find(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static String downloadHash(String code) {
        TestSupport.session("officer").request().get("/reports/c17-01.csv?referenceDate=2023-12-31&entity=" + code)
                .then().statusCode(200);
        String details = lastExport().details;
        return details.substring(details.indexOf("sha256=") + 7, details.indexOf("sha256=") + 7 + 64);
    }

    private static AuditEntry lastExport() {
        return QuarkusTransaction.requiringNew().call(
                () -> AuditEntry.<AuditEntry>find("action = ?1 order by id desc", AuditAction.EXPORT).firstResult());
    }

    /**
     * A legal entity of its own (so its solo return holds only this test's data) with one event of 2023: a direct
     * charge of 150,000 in payment and settlement on 31 March, a direct recovery of 10,000 on 30 April. Made once.
     */
    private static synchronized long entity(String code) {
        Long existing = QuarkusTransaction.requiringNew().call(() -> {
            Incident incident = Incident.find("title", "C17 test event " + code).firstResult();
            return incident == null ? null : incident.id;
        });
        if (existing != null) {
            return existing;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            LegalEntity entity = new LegalEntity();
            entity.code = code;
            entity.name = "C 17 test entity " + code;
            entity.active = true;
            entity.persist();
        });
        Session officer = TestSupport.session("officer");
        long id = event(officer, code, "C17 test event " + code, "2023-03-01", "150000");
        IncidentFixtures.addLoss(officer, id, IncidentFixtures.lossForm("OTHER_RECOVERY", "10000", "EUR", "",
                "2023-04-30"));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id).legalEntity));
        return id;
    }

    /**
     * An incident of that entity, occurred (and discovered the next day) on that date, with a direct charge at the
     * end of its month.
     */
    private static long event(Session officer, String entity, String title, String occurred, String charge) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("legalEntity", entity);
        LocalDate day = LocalDate.parse(occurred);
        form.put("occurrenceDate", occurred);
        form.put("discoveryDate", day.plusDays(1).toString());
        long id = IncidentFixtures.record(officer, form);
        IncidentFixtures.addLoss(officer, id, IncidentFixtures.lossForm("DIRECT_CHARGE", charge, "EUR", "",
                day.withDayOfMonth(day.lengthOfMonth()).toString()));
        return id;
    }

    private static void assertValue(String expected, C17Return result, String row, String column) {
        assertEquals(0, new BigDecimal(expected).compareTo(result.value(row, column)),
                row + "/" + column + " was " + result.value(row, column));
    }
}
