package org.opregister.dora;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.core.OpriskConfig;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DORA pages and their steps: the worked example, classify and reclassify, reports, 400/404/409/403, races. */
@QuarkusTest
class DoraTest {

    private static final String CSRF_PAGE = "/account/password";

    @jakarta.inject.Inject
    OpriskConfig config;

    @jakarta.inject.Inject
    org.opregister.seed.ExampleDora exampleDora;

    /** The example as seeded (a seed test may have removed the example case and recorded it again without it). */
    private long example() {
        QuarkusTransaction.requiringNew().run(exampleDora::record);
        return QuarkusTransaction.requiringNew().call(() -> Incident.findByReference("INC-2024-0719-01").id);
    }

    @Test
    void theWorkedExampleIsMajorWithItsTimeLimits() {
        long id = example();
        QuarkusTransaction.requiringNew().run(() -> {
            DoraRecord record = DoraRecord.forIncident(id);
            assertTrue(record.ictRelated);
            assertEquals(Boolean.TRUE, record.major);
            assertEquals(Instant.parse("2024-07-19T04:21:00Z"), record.awareAt);
            assertEquals(Instant.parse("2024-07-19T07:10:00Z"), record.classifiedAt);
            assertEquals(List.of("CUSTODY", "ONLINE", "SEPA-PAY"),
                    record.services.stream().map(s -> s.code).sorted().toList());
            assertEquals(new java.math.BigDecimal("2311500.00"), record.economicImpact());
            DoraClassifier.Result result = DoraClassifier.classify(record.inputs());
            assertEquals("9(1) 9(2) 9(3) 9(4) 9(6)", result.articlesMet());
            List<DoraClassification> history = DoraClassification.of(record);
            assertEquals(1, history.size());
            assertEquals("officer", history.get(0).classifiedBy);
            assertEquals(Instant.parse("2024-07-19T07:10:00Z"), history.get(0).classifiedAt);
            DoraDeadlines.Schedule schedule = DoraDeadlines.schedule(DoraDeadlines.clock(config), record,
                    DoraReport.of(record));
            assertEquals(Instant.parse("2024-07-19T11:10:00Z"), schedule.stage(ReportStage.INITIAL).due());
            assertEquals(Instant.parse("2024-07-22T10:45:00Z"), schedule.stage(ReportStage.INTERMEDIATE).due());
            assertEquals(Instant.parse("2024-08-26T10:00:00Z"), schedule.stage(ReportStage.FINAL).due(),
                    "a month after the updated intermediate report is a Saturday: noon of Monday in Paris");
            assertTrue(schedule.stages().stream().allMatch(DoraDeadlines.StageDue::onTime));
            assertNull(schedule.next());
        });
        TestSupport.session("auditor").request().get("/dora/incidents/" + id).then().statusCode(200)
                .body(containsString("2024-07-19 13:10"), containsString("9(4)"),
                        containsString("impact in 3 Member States"), not(containsString("report-form")));
        TestSupport.session("admin").request().get("/dora").then().statusCode(200)
                .body(containsString("INC-2024-0719-01"), containsString("2,311,500"));
    }

    @Test
    void reportDataFollowsTheTemplateListsWhatIsMissingAndIsAudited() {
        long id = example();
        Session auditor = TestSupport.session("auditor");
        auditor.request().get("/dora/incidents/" + id).then().statusCode(200)
                .body(containsString("id=\"data-final\""), containsString("2.7 Discovery of the incident"));
        long exportsBefore = exports();
        io.restassured.path.json.JsonPath json = auditor.request()
                .get("/dora/incidents/" + id + "/report.json?stage=final").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("INC-2024-0719-01", json.getString("fields.'2.1'"));
        assertEquals("2024-07-19T04:21:00Z", json.getString("fields.'2.2'"));
        assertEquals("2024-07-19T07:10:00Z", json.getString("fields.'2.3'"));
        assertEquals("AT DE NL", json.getString("fields.'2.6'"));
        assertEquals("05:11:51", json.getString("fields.'3.15'"));
        assertEquals("00:07:31", json.getString("fields.'3.16'"));
        assertEquals("2311500.00", json.getString("fields.'4.13'"));
        assertTrue(json.getList("missingMandatory").containsAll(List.of("2.7", "2.9", "3.23", "4.1")));
        assertTrue(!json.getList("missingMandatory").contains("2.3"));
        auditor.request().get("/dora/incidents/" + id + "/report.xlsx?stage=initial").then().statusCode(200)
                .contentType(org.opregister.web.XlsxExport.XLSX);
        assertEquals(exportsBefore + 2, exports(), "one audit entry per download");
        auditor.request().get("/dora/incidents/" + id + "/report.json?stage=later").then().statusCode(400);
        long notMajor = IncidentFixtures.record(TestSupport.session("officer"), "DORA no report");
        auditor.request().get("/dora/incidents/" + notMajor + "/report.json?stage=initial").then().statusCode(404);
        auditor.request().get("/dora/find?reference=INC-2024-0719-01").then().statusCode(303)
                .header("Location", containsString("/dora/incidents/" + id));
        auditor.request().get("/dora/find?reference=INC-NOPE").then().statusCode(404)
                .body(containsString("No incident has the reference INC-NOPE."), containsString("value=\"INC-NOPE\""));
    }

    private static long exports() {
        return QuarkusTransaction.requiringNew().call(() -> org.opregister.audit.AuditEntry.count(
                "username = ?1 and action = ?2", "auditor", org.opregister.audit.AuditAction.EXPORT));
    }

    @Test
    void officersClassifyAndReclassifyKeepingTheHistory() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "DORA classify target");
        String edit = "/dora/incidents/" + id + "/edit";
        officer.request().get("/dora/incidents/" + id).then().statusCode(200)
                .body(containsString("No DORA assessment yet"));
        officer.request().get(edit).then().statusCode(200);

        Map<String, Object> bad = new HashMap<>(fields());
        bad.put("clientsShare", "abc%");
        bad.put("memberStates", "DE XX");
        bad.put("awareAt", "2025-13-01T10:00");
        officer.post(edit, "/dora/incidents/" + id, bad).then().statusCode(400)
                .body(containsString("value=\"abc%\""), containsString("XX is not the ISO code"),
                        containsString("Enter a date and time"));
        assertNull(record(id), "nothing stored");

        officer.post(edit, "/dora/incidents/" + id, fields()).then().statusCode(303);
        DoraRecord first = record(id);
        assertEquals(Boolean.FALSE, first.major);
        assertEquals(1, first.classifications);
        assertEquals(Instant.parse("2025-03-03T08:00:00Z"), first.awareAt, "typed in Paris time (CET)");

        Map<String, Object> major = new HashMap<>(fields());
        major.put("version", first.version);
        major.put("services", List.of(serviceId("SEPA-PAY")));
        major.put("clientsAffected", "150000");
        major.put("mediaCoverage", "true");
        officer.post(edit, "/dora/incidents/" + id, major).then().statusCode(303);
        DoraRecord second = record(id);
        assertEquals(Boolean.TRUE, second.major);
        assertEquals(2, second.classifications);
        assertTrue(second.classifiedAt != null, "classified now, as major");
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> DoraClassification.count("record.id",
                second.id)));

        major.put("version", first.version);
        officer.post(edit, "/dora/incidents/" + id, major).then().statusCode(409);
        major.remove("version");
        officer.post(edit, "/dora/incidents/" + id, major).then().statusCode(409);
        assertEquals(2, record(id).classifications, "stale saves change nothing");
    }

    @Test
    void reportsFollowTheStagesOfMajorIncidentsOnly() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "DORA report target");
        String reports = "/dora/incidents/" + id + "/reports";
        Map<String, Object> initial = Map.of("stage", "INITIAL", "submittedAt", "2025-03-03T12:00",
                "authorityReference", "AUTH-1");
        officer.post(CSRF_PAGE, reports, initial).then().statusCode(404);
        officer.post(CSRF_PAGE, "/dora/incidents/" + id, fields()).then().statusCode(303);
        officer.post(CSRF_PAGE, reports, initial).then().statusCode(409)
                .body(containsString("classified major only"));

        Map<String, Object> major = new HashMap<>(fields());
        major.put("version", record(id).version);
        major.put("services", List.of(serviceId("ONLINE")));
        major.put("relevantAffected", "true");
        major.put("memberStates", "FR, DE");
        major.put("classifiedAt", "2025-03-03T10:00");
        officer.post(CSRF_PAGE, "/dora/incidents/" + id, major).then().statusCode(303);

        officer.post(CSRF_PAGE, reports, Map.of("stage", "INTERMEDIATE", "submittedAt", "2025-03-03T12:00"))
                .then().statusCode(400).body(containsString("Submit the previous stage first"));
        officer.post(CSRF_PAGE, reports, Map.of("stage", "INITIAL", "submittedAt", "yesterday"))
                .then().statusCode(400).body(containsString("value=\"yesterday\""));
        officer.post(CSRF_PAGE, reports, initial).then().statusCode(303);
        officer.post(CSRF_PAGE, reports, initial).then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> {
            DoraRecord record = DoraRecord.forIncident(id);
            List<DoraReport> submitted = DoraReport.of(record);
            assertEquals(2, submitted.size(), "an update is a further submission");
            DoraDeadlines.Schedule schedule = DoraDeadlines.schedule(DoraDeadlines.clock(config), record,
                    submitted);
            assertEquals(Instant.parse("2025-03-03T13:00:00Z"), schedule.stage(ReportStage.INITIAL).due());
            assertEquals(ReportStage.INTERMEDIATE, schedule.next());
            assertEquals(Instant.parse("2025-03-06T11:00:00Z"), schedule.nextDue());
        });
        officer.request().get("/dora").then().statusCode(200).body(containsString("table-danger"),
                containsString("Overdue by"));
        officer.request().get("/").then().statusCode(200).body(containsString("DORA report"));
    }

    @Test
    void unknownIncidentsAre404AndAuditorsChangeNothing() {
        Session officer = TestSupport.session("officer");
        officer.request().get("/dora/incidents/987654321").then().statusCode(404);
        officer.request().get("/dora/incidents/987654321/edit").then().statusCode(404);
        officer.post(CSRF_PAGE, "/dora/incidents/987654321", fields()).then().statusCode(404);
        long id = IncidentFixtures.record(officer, "DORA auditor target");
        Session auditor = TestSupport.session("auditor");
        auditor.request().get("/dora/incidents/" + id + "/edit").then().statusCode(403);
        auditor.post(CSRF_PAGE, "/dora/incidents/" + id, fields()).then().statusCode(403);
        assertNull(record(id));
    }

    @Test
    void twoFirstSavesAtOnceMakeOneRecord() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long id = IncidentFixtures.record(officer, "DORA race target");
        Csrf officerCsrf = officer.csrf(CSRF_PAGE);
        Csrf managerCsrf = manager.csrf(CSRF_PAGE);
        List<Integer> statuses = Parallel.run(2, i -> (i == 0
                ? officer.post(officerCsrf,
                        "/dora/incidents/" + id, fields())
                : manager.post(managerCsrf, "/dora/incidents/" + id, fields()))
                .statusCode());
        assertEquals(List.of(303, 409), statuses.stream().sorted().toList());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> DoraRecord.count("incident.id", id)));
        assertEquals(1, record(id).classifications);
    }

    private static Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("ictRelated", "true");
        fields.put("occurredAt", "2025-03-03T08:30");
        fields.put("detectedAt", "2025-03-03T08:45");
        fields.put("awareAt", "2025-03-03T09:00");
        fields.put("recoveredAt", "2025-03-03T09:30");
        fields.put("clientsEvidence", "Estimated from the logs.");
        return fields;
    }

    private static DoraRecord record(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DoraRecord record = DoraRecord.forIncident(incidentId);
            if (record != null) {
                record.services.size();
            }
            return record;
        });
    }

    private static long serviceId(String code) {
        return QuarkusTransaction.requiringNew().call(() -> BusinessService.byCode(code).id);
    }
}
