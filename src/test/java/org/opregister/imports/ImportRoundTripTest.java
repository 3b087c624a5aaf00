package org.opregister.imports;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trip of issue #18: the seeded register (the worked example included) exported, the register emptied, the
 * export imported, exported again: the same register, keyed by the first register's references. Runs on an
 * application of its own (a test profile), since it empties the register.
 */
@QuarkusTest
@TestProfile(ImportRoundTripTest.OwnApplication.class)
class ImportRoundTripTest {

    /** A profile of its own: the application starts again, on a freshly migrated and seeded database. */
    public static class OwnApplication implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.opregister.imports\".level", "DEBUG");
        }
    }

    /** Columns that differ by nature: our own ids and references, the stamps of who wrote the row here and when. */
    private static final Set<String> INCIDENT_OWN = Set.of("reference", "external_reference", "root_event",
            "created_at", "created_by", "updated_at", "updated_by");
    private static final Set<String> LINE_OWN = Set.of("incident_reference", "loss_id", "external_reference",
            "created_at", "created_by", "updated_at", "updated_by");

    /** The worked example's reference. */
    private static final String EXAMPLE = "INC-2024-0719-01";

    @Inject
    Imports imports;

    @Inject
    ImportRunner runner;

    @Test
    void theSeededRegisterExportedAndImportedIntoAnEmptyRegisterIsTheSameRegister() throws Exception {
        grow();
        var auditor = TestSupport.session("auditor");
        String incidents = auditor.request().get("/incidents/export.csv").then().statusCode(200).extract().asString();
        String lines = auditor.request().get("/losses/export.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> before = parse(incidents);
        List<CSVRecord> linesBefore = parse(lines);
        assertTrue(before.size() >= 4, "the example case and the incidents added: " + before.size());
        assertTrue(before.stream().anyMatch(r -> r.get("status").equals("CLOSED")), "a closed incident");
        assertTrue(before.stream().anyMatch(r -> !r.get("root_event").isEmpty()), "a grouped incident");
        assertTrue(linesBefore.size() >= 5, "the ledger: " + linesBefore.size());

        empty();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Incident.count()));

        ImportJob job = run(incidents, lines);
        assertEquals(ImportStatus.DONE, job.status, job.problems().toString());
        assertEquals(before.size(), job.created);
        assertEquals(linesBefore.size(), job.linesCreated);

        List<CSVRecord> after = parse(
                auditor.request().get("/incidents/export.csv").then().statusCode(200).extract().asString());
        List<CSVRecord> linesAfter = parse(
                auditor.request().get("/losses/export.csv").then().statusCode(200).extract().asString());
        assertEquals(before.size(), after.size());
        assertEquals(linesBefore.size(), linesAfter.size());

        Map<String, CSVRecord> source = new HashMap<>();
        before.forEach(r -> source.put(r.get("reference"), r));
        Map<String, String> keyOfNew = new HashMap<>();
        after.forEach(r -> keyOfNew.put(r.get("reference"), r.get("external_reference")));
        for (CSVRecord row : after) {
            CSVRecord was = source.get(row.get("external_reference"));
            assertTrue(was != null, "imported under the first register's reference: " + row.get("reference"));
            assertEquals(values(was, INCIDENT_OWN), values(row, INCIDENT_OWN), row.get("external_reference"));
            assertEquals(was.get("root_event"),
                    row.get("root_event").isEmpty() ? "" : keyOfNew.get(row.get("root_event")),
                    "grouped under the same event");
        }
        Map<String, CSVRecord> sourceLines = new HashMap<>();
        linesBefore.forEach(r -> sourceLines.put(r.get("incident_reference") + "/" + r.get("loss_id"), r));
        for (CSVRecord row : linesAfter) {
            CSVRecord was = sourceLines.get(keyOfNew.get(row.get("incident_reference")) + "/"
                    + row.get("external_reference"));
            assertTrue(was != null, "line kept under its first id: " + row.get("external_reference"));
            assertEquals(values(was, LINE_OWN), values(row, LINE_OWN));
        }

        ImportJob again = run(incidents, lines);
        assertEquals(ImportStatus.DONE, again.status, again.problems().toString());
        assertEquals(0, again.created + again.updated);
        assertEquals(before.size(), again.skipped);
        assertEquals(0, again.linesCreated + again.linesUpdated);
        assertEquals(linesBefore.size(), again.linesSkipped);
    }

    /**
     * The example case, and through the forms: an incident grouped under it with a line in dollars at a typed rate
     * and a recovery, a closed one, and a near miss.
     */
    private static void grow() {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm("=Round trip, grouped");
        form.put("rootEvent", EXAMPLE);
        long grouped = IncidentFixtures.record(officer, form);
        IncidentFixtures.addLoss(officer, grouped, IncidentFixtures.lossForm("DIRECT_CHARGE", "100.50", "USD", "0.9",
                "2025-03-31"));
        IncidentFixtures.addLoss(officer, grouped, IncidentFixtures.lossForm("INSURANCE_RECOVERY", "10", "EUR", "1",
                "2025-04-30"));
        long closed = IncidentFixtures.record(officer, "Round trip, closed");
        IncidentFixtures.addLoss(officer, closed, IncidentFixtures.lossForm("DIRECT_CHARGE", "500", "EUR", "1",
                "2025-03-10"));
        IncidentFixtures.transition(officer, closed, "open");
        IncidentFixtures.transition(officer, closed, "submit-for-review");
        long version = IncidentFixtures.version(officer, closed);
        TestSupport.session("manager").post("/incidents/" + closed, "/incidents/" + closed + "/transitions/close",
                Map.of("version", version, "closureDate", "2025-03-20")).then().statusCode(303);
        Map<String, Object> nearMiss = IncidentFixtures.incidentForm("Round trip, near miss");
        nearMiss.put("nearMiss", "true");
        IncidentFixtures.record(officer, nearMiss);
    }

    private ImportJob run(String incidents, String lines) throws Exception {
        long id = imports.queue("incident-register.csv", incidents.getBytes(StandardCharsets.UTF_8), "loss-ledger.csv",
                lines.getBytes(StandardCharsets.UTF_8), false, "manager").id;
        for (int i = 0; i < 600; i++) {
            runner.kick().get(120, TimeUnit.SECONDS);
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
            if (job.finished()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    /** The register emptied: incidents, their ledgers and whatever hangs on them, and the incident numbering. */
    private static void empty() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Incident.getEntityManager();
            for (String statement : List.of("delete from dora_report", "delete from dora_classification",
                    "delete from dora_record_service", "delete from dora_recurring_incident", "delete from dora_record",
                    "delete from ict_incident_provider", "delete from incident_risk", "delete from incident_control",
                    "delete from loss_entry", "update incident set root_event_id = null", "delete from incident",
                    "delete from reference_counter where counter_key like 'INC-%'")) {
                em.createNativeQuery(statement).executeUpdate();
            }
        });
    }

    private static Map<String, String> values(CSVRecord row, Set<String> except) {
        Map<String, String> values = new LinkedHashMap<>();
        row.toMap().forEach((column, value) -> {
            if (!except.contains(column)) {
                values.put(column, value);
            }
        });
        return values;
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))
                .getRecords();
    }
}
