package org.opregister.incident;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.lossForm;

/** The auditor exports: RFC 4180, UTF-8 with BOM, stable columns, the list's filters, formula neutralisation. */
@QuarkusTest
class CsvExportTest {

    @Test
    void registerExportFollowsTheContract() throws Exception {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm("=HYPERLINK(\"http://evil\",\"x\") csvexport");
        form.put("orgUnit", "+Treasury");
        form.put("owner", "@owner");
        form.put("rootCause", "-1+1, \"quoted\"\nsecond line é");
        long id = IncidentFixtures.record(officer, form);
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "1234567.89", "EUR", "1", "2025-03-31"));
        addLoss(officer, id, lossForm("OTHER_RECOVERY", "34567.89", "EUR", "1", "2025-04-30"));

        Session auditor = TestSupport.session("auditor");
        byte[] bytes = auditor.request().get("/incidents/export.csv?q=csvexport").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition",
                        matchesPattern("attachment; filename=\"incident-register-\\d{4}-\\d{2}-\\d{2}\\.csv\""))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertTrue(text
                .startsWith("reference,title,status,severity,event_category,event_type,business_line,org_unit,owner,"
                        + "occurrence_date,discovery_date,reporting_date,closure_date,near_miss,gain_event,legal_entity,"
                        + "root_event,credit_boundary,market_boundary,causes,root_cause,"
                        + "third_party,gross_loss,recoveries,net_loss,expected_recoveries,provisions,reporting_currency,"
                        + "description,created_at,created_by,"
                        + "updated_at,updated_by,external_reference,closed_by,closed_at\r\n"),
                text);
        assertTrue(text.endsWith("\r\n"));

        List<CSVRecord> rows = parse(text);
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("'=HYPERLINK(\"http://evil\",\"x\") csvexport", row.get("title"));
        assertEquals("'+Treasury", row.get("org_unit"));
        assertEquals("'@owner", row.get("owner"));
        assertEquals("'-1+1, \"quoted\"\nsecond line é", row.get("root_cause"));
        assertEquals("DRAFT", row.get("status"));
        assertEquals("EXECUTION_DELIVERY_PROCESS", row.get("event_category"));
        assertEquals("PEOPLE;PROCESS", row.get("causes"));
        assertEquals("2025-03-03", row.get("occurrence_date"));
        assertEquals("1234567.89", row.get("gross_loss"));
        assertEquals("1200000.00", row.get("net_loss"));
        assertEquals("EUR", row.get("reporting_currency"));
        assertTrue(row.get("created_at").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"),
                row.get("created_at"));
    }

    @Test
    void lossExportHasOneRowPerLineWithTheIncidentReference() throws Exception {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "lossexport incident");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "100.50", "USD", "0.9", "2025-03-31"));
        addLoss(officer, id, lossForm("INSURANCE_RECOVERY", "10", "EUR", "1", "2025-04-30"));
        String reference = IncidentTestData.find(id).reference;

        String text = TestSupport.session("auditor").request().get("/losses/export.csv?q=lossexport").then()
                .statusCode(200)
                .header("Content-Disposition", containsString("loss-ledger-"))
                .extract().asString(); // RestAssured decodes UTF-8 and keeps the BOM
        List<CSVRecord> rows = parse(text.substring(1));
        assertEquals(2, rows.size());
        assertEquals(reference, rows.get(0).get("incident_reference"));
        assertEquals("DIRECT_CHARGE", rows.get(0).get("entry_type"));
        assertEquals("100.50", rows.get(0).get("amount"));
        assertEquals("USD", rows.get(0).get("currency"));
        assertEquals("90.45", rows.get(0).get("reporting_amount"));
        assertEquals("2025-03-03", rows.get(0).get("incident_occurrence_date"));
        assertEquals("MANUAL", rows.get(0).get("fx_source"));
        assertEquals("PAYMENT_AND_SETTLEMENT", rows.get(0).get("business_line"));
        assertEquals("false", rows.get(0).get("post_closure"));
        assertEquals("INSURANCE_RECOVERY", rows.get(1).get("entry_type"));
        assertEquals("RECEIVED", rows.get(1).get("recovery_status"));
        assertEquals("", rows.get(0).get("recovery_status"));
    }

    @Test
    void exportAppliesExactlyTheListFilters() throws Exception {
        Session officer = TestSupport.session("officer");
        RegisterListTest.recordWith(officer, "exportfilter one", "EXTERNAL_FRAUD", "SYSTEMS_SECURITY", "RETAIL_BANKING",
                "2025-01-10");
        RegisterListTest.recordWith(officer, "exportfilter two", "BUSINESS_DISRUPTION", "SYSTEMS", "RETAIL_BANKING",
                "2025-01-11");
        String query = "q=exportfilter&eventType=EXTERNAL_FRAUD";
        List<CSVRecord> rows = parse(officer.request().get("/incidents/export.csv?" + query).asString().substring(1));
        int listed = officer.request().get("/api/incidents?" + query).jsonPath().getInt("total");
        assertEquals(listed, rows.size());
        assertEquals("exportfilter one", rows.get(0).get("title"));

        officer.request().get("/incidents/export.csv?from=not-a-date").then().statusCode(400)
                .body(containsString("from: Enter a date"));
    }

    @Test
    void exampleCaseLossesExportWithTheirIncident() throws Exception {
        List<CSVRecord> rows = parse(TestSupport.session("auditor").request()
                .get("/losses/export.csv?q=INC-2024-0719-01").asString().substring(1));
        assertEquals(7, rows.size(), "five loss events: five gross lines and two recoveries");
        assertTrue(rows.stream().allMatch(r -> r.get("incident_reference").equals("INC-2024-0719-01")));
    }

    static List<CSVRecord> parse(String text) throws java.io.IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
