package org.opregister.exports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditEntry;
import org.opregister.audit.ExportAudit;
import org.opregister.core.Messages;
import org.opregister.incident.CsvExportTestAccess;
import org.opregister.incident.IncidentFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.lossForm;

/**
 * Every CSV export has its XLSX twin from the same columns: read back with POI, each sheet carries the labels in the
 * user's language, the CSV's codes in a second row, frozen and filtered; and cell for cell the CSV's data, with
 * numbers as numeric cells, days and moments as date cells, yes/no as booleans and text as text, never a formula.
 */
@QuarkusTest
class XlsxExportsTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String FX_FILTER = "currency=NOK&from=1956-01-01&to=1956-12-31";

    /** One export: its path without extension, a filter, and a numeric and a date column it must type. */
    private record Export(String path, String query, String numberColumn, String dateColumn) {
    }

    private static final List<Export> EXPORTS = List.of(
            new Export("/incidents/export", "", "gross_loss", "occurrence_date"),
            new Export("/losses/export", "", "amount", "accounting_date"),
            new Export("/risks/export", "", "inherent_score", "updated_at"),
            new Export("/controls/export", "", null, "updated_at"),
            new Export("/assessments/export", "", "before_inherent_score", "period_start"),
            new Export("/assessments/control-ratings", "", null, null),
            new Export("/kris/export", "", "green_limit", "updated_at"),
            new Export("/kris/values", "", "value", "period_start"),
            new Export("/actions/export", "", "progress", "due_date"),
            new Export("/control-tests/export", "", "sample_size", "period_start"),
            new Export("/attestations/export", "", null, "period_start"),
            new Export("/audit/export", "action=LOGIN_SUCCESS", "id", "occurred_at"),
            new Export("/fx-rates/export", FX_FILTER, "rate", "rate_date"));

    @Test
    void everyExportIsTheCsvCellForCell() throws Exception {
        // the example data has no FX rate: a manager types one, its reason looking like a formula
        TestSupport.session("manager").post("/fx-rates", "/fx-rates", Map.of("base", "EUR", "currency", "NOK",
                "rateDate", "1956-06-06", "rate", "0.1234", "reason", "=cmd|' /C calc'!A0"));
        Session auditor = TestSupport.session("auditor");
        for (Export export : EXPORTS) {
            List<List<Object>> rows = compare(auditor, export, Locale.ENGLISH);
            if (export.path().startsWith("/fx-rates")) {
                List<String> codes = codes(auditor, "/fx-rates/export", FX_FILTER);
                assertEquals(1, rows.size());
                assertEquals("=cmd|' /C calc'!A0", rows.get(0).get(codes.indexOf("reason")));
                assertEquals(0.1234, rows.get(0).get(codes.indexOf("rate")));
            }
        }
    }

    @Test
    void registerXlsxKeepsFormulasAsTextAppliesTheFiltersAndIsAudited() throws Exception {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm("=HYPERLINK(\"http://evil\",\"x\") xlsxexport");
        form.put("orgUnit", "+Treasury");
        form.put("rootCause", "@SUM(A1:A9)");
        long id = IncidentFixtures.record(officer, form);
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "1234567.89", "EUR", "1", "2025-03-31"));
        addLoss(officer, id, lossForm("OTHER_RECOVERY", "34567.89", "EUR", "1", "2025-04-30"));

        Session auditor = TestSupport.session("auditor");
        List<List<Object>> rows = compare(auditor,
                new Export("/incidents/export", "q=xlsxexport", "gross_loss", "occurrence_date"), Locale.ENGLISH);
        assertEquals(1, rows.size());
        List<String> codes = codes(auditor, "/incidents/export", "q=xlsxexport");
        List<Object> row = rows.get(0);
        assertEquals("=HYPERLINK(\"http://evil\",\"x\") xlsxexport", row.get(codes.indexOf("title")));
        assertEquals("+Treasury", row.get(codes.indexOf("org_unit")));
        assertEquals("@SUM(A1:A9)", row.get(codes.indexOf("root_cause")));
        assertEquals(1234567.89, row.get(codes.indexOf("gross_loss")));
        assertEquals(1200000.0, row.get(codes.indexOf("net_loss")));
        assertEquals(LocalDate.of(2025, 3, 3).atStartOfDay(), row.get(codes.indexOf("occurrence_date")));
        assertEquals(Boolean.FALSE, row.get(codes.indexOf("near_miss")));
        assertEquals("DRAFT", row.get(codes.indexOf("status")));

        List<List<Object>> lines = compare(auditor,
                new Export("/losses/export", "q=xlsxexport", "amount", "accounting_date"), Locale.ENGLISH);
        assertEquals(2, lines.size());

        // the same filters as the list: a filter that matches nothing gives the header rows only
        try (XSSFWorkbook book = workbook(auditor, "/incidents/export.xlsx?q=xlsxexport&status=CLOSED")) {
            assertEquals(1, book.getSheetAt(0).getLastRowNum());
        }
        auditor.request().get("/incidents/export.xlsx?from=not-a-date").then().statusCode(400)
                .body(containsString("from"));

        // one line in the audit trail, as for the CSV
        AuditEntry line = ExportAudit.await("export=incidents.xlsx; filters=q=xlsxexport; rows=1");
        assertEquals("auditor", line.username);
        assertNotNull(ExportAudit.await("export=losses.xlsx; filters=q=xlsxexport; rows=2"));
    }

    @Test
    void labelsFollowTheUsersLanguageCodesStay() throws Exception {
        Session auditor = TestSupport.session("auditor").in("fr");
        compare(auditor, new Export("/risks/export", "", "inherent_score", "updated_at"), Locale.FRENCH);
        try (XSSFWorkbook book = workbook(auditor, "/risks/export.xlsx")) {
            Row labels = book.getSheetAt(0).getRow(0);
            Row codes = book.getSheetAt(0).getRow(1);
            assertEquals("Référence", labels.getCell(0).getStringCellValue());
            assertEquals("Votre référence", labels.getCell(1).getStringCellValue());
            assertEquals("Titre", labels.getCell(2).getStringCellValue());
            assertEquals("reference", codes.getCell(0).getStringCellValue());
            assertEquals("external_reference", codes.getCell(1).getStringCellValue());
            assertEquals("title", codes.getCell(2).getStringCellValue());
        }
    }

    @Test
    void everyListPageLinksItsXlsx() {
        Session auditor = TestSupport.session("auditor");
        Map<String, String> pages = Map.ofEntries(Map.entry("/incidents", "/incidents/export.xlsx"),
                Map.entry("/risks", "/risks/export.xlsx"), Map.entry("/controls", "/controls/export.xlsx"),
                Map.entry("/assessments", "/assessments/control-ratings.xlsx"),
                Map.entry("/kris", "/kris/values.xlsx"), Map.entry("/actions", "/actions/export.xlsx"),
                Map.entry("/control-tests", "/control-tests/export.xlsx"),
                Map.entry("/attestations", "/attestations/export.xlsx"), Map.entry("/audit", "/audit/export.xlsx"),
                Map.entry("/fx-rates", "/fx-rates/export.xlsx"));
        pages.forEach((page, link) -> auditor.request().get(page).then().statusCode(200)
                .body(containsString("href=\"" + link)));
        auditor.request().get("/incidents").then().body(containsString("href=\"/losses/export.xlsx"));
        auditor.request().get("/kris").then().body(containsString("href=\"/kris/export.xlsx"));
        auditor.request().get("/assessments").then().body(containsString("href=\"/assessments/export.xlsx"));
    }

    /**
     * Reads an export as CSV and as XLSX with the same filter and checks the XLSX against the CSV; the XLSX's data
     * rows as Java values (String, Double, LocalDateTime, Boolean, null).
     */
    private static List<List<Object>> compare(Session session, Export export, Locale locale) throws Exception {
        String query = export.query().isEmpty() ? "" : "?" + export.query();
        String text = new String(session.request().get(export.path() + ".csv" + query).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8).substring(1);
        List<String> header = Arrays.asList(text.substring(0, text.indexOf("\r\n")).split(","));
        List<CSVRecord> records = CsvExportTestAccess.parse(text);
        assertFalse(records.isEmpty(), export.path() + " has rows to compare");
        List<List<Object>> values = new ArrayList<>();
        try (XSSFWorkbook book = workbook(session, export.path() + ".xlsx" + query)) {
            XSSFSheet sheet = book.getSheetAt(0);
            Row labels = sheet.getRow(0);
            Row codes = sheet.getRow(1);
            for (int c = 0; c < header.size(); c++) {
                String where = export.path() + " column " + header.get(c);
                assertEquals(header.get(c), codes.getCell(c).getStringCellValue(), where);
                String key = "exports.col." + header.get(c);
                assertEquals(Messages.get(locale, key), labels.getCell(c).getStringCellValue(), where);
                assertFalse(labels.getCell(c).getStringCellValue().startsWith("??"), where + " has no label");
            }
            assertEquals(header.size(), codes.getLastCellNum(), export.path());
            assertTrue(sheet.getPaneInformation().isFreezePane(), export.path());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition(), export.path());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), export.path());
            assertTrue(sheet.getCTWorksheet().getAutoFilter().getRef().startsWith("A2:"), export.path());
            assertEquals(records.size(), sheet.getLastRowNum() - 1, export.path() + " rows");
            int numbers = 0;
            int dates = 0;
            for (int r = 0; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                Row row = sheet.getRow(r + 2);
                List<Object> rowValues = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    String code = header.get(c);
                    Cell cell = row == null ? null : row.getCell(c);
                    Object value = check(export.path() + " row " + r + " " + code, cell, record.get(c));
                    rowValues.add(value);
                    if (code.equals(export.numberColumn()) && !record.get(c).isEmpty()) {
                        assertTrue(value instanceof Double, export.path() + " " + code + " is a number");
                        numbers++;
                    }
                    if (code.equals(export.dateColumn()) && !record.get(c).isEmpty()) {
                        assertTrue(value instanceof LocalDateTime, export.path() + " " + code + " is a date");
                        dates++;
                    }
                }
                values.add(rowValues);
            }
            assertTrue(export.numberColumn() == null || numbers > 0, export.path() + " has a number to check");
            assertTrue(export.dateColumn() == null || dates > 0, export.path() + " has a date to check");
        }
        return values;
    }

    /** The cell holds the CSV's value in its proper type; returns it as a Java value. */
    private static Object check(String where, Cell cell, String csv) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            assertEquals("", csv, where);
            return null;
        }
        switch (cell.getCellType()) {
            case STRING -> {
                String value = cell.getStringCellValue();
                boolean neutralised = csv.startsWith("'") && csv.substring(1).equals(value)
                        && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
                assertTrue(csv.equals(value) || neutralised, where + ": " + value + " vs " + csv);
                return value;
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime value = cell.getLocalDateTimeCellValue();
                    if (csv.length() == 10) {
                        assertEquals(LocalDate.parse(csv).atStartOfDay(), value, where);
                    } else {
                        Duration gap = Duration.between(Instant.parse(csv), value.toInstant(ZoneOffset.UTC));
                        assertTrue(gap.abs().toMillis() < 1000, where + ": " + value + " vs " + csv);
                    }
                    return value;
                }
                double value = cell.getNumericCellValue();
                assertEquals(new BigDecimal(csv).doubleValue(), value, 1e-9, where);
                return value;
            }
            case BOOLEAN -> {
                assertEquals(String.valueOf(cell.getBooleanCellValue()), csv, where);
                return cell.getBooleanCellValue();
            }
            default -> fail(where + ": a " + cell.getCellType() + " cell");
        }
        return null;
    }

    private static List<String> codes(Session session, String path, String query) throws Exception {
        try (XSSFWorkbook book = workbook(session, path + ".xlsx?" + query)) {
            Row codes = book.getSheetAt(0).getRow(1);
            List<String> names = new ArrayList<>();
            codes.forEach(cell -> names.add(cell.getStringCellValue()));
            return names;
        }
    }

    private static XSSFWorkbook workbook(Session session, String url) throws Exception {
        byte[] bytes = session.request().get(url).then().statusCode(200).contentType(containsString(XLSX))
                .header("Content-Disposition",
                        matchesPattern("attachment; filename=\"[a-z-]+-\\d{4}-\\d{2}-\\d{2}\\.xlsx\""))
                .header("Cache-Control", "no-store")
                .extract().asByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

}
