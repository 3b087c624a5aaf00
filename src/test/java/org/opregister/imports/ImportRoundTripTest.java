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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.action.ActionPlan;
import org.opregister.control.Control;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.risk.Risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trips of issue #18: the seeded register (the worked example included) exported, the register emptied, the
 * export imported, exported again: the same register, keyed by the first register's references; the same for the
 * risk and control library with its links, and the action plans. Runs on an
 * application of its own (a test profile), since it empties the register.
 */
@QuarkusTest
@TestProfile(ImportRoundTripTest.OwnApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    @Order(2)
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
        assertEquals(before.size(), job.part("incidents").created);
        assertEquals(linesBefore.size(), job.part("losses").created);

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
        assertEquals(0, again.part("incidents").created + again.part("incidents").updated);
        assertEquals(before.size(), again.part("incidents").skipped);
        assertEquals(0, again.part("losses").created + again.part("losses").updated);
        assertEquals(linesBefore.size(), again.part("losses").skipped);
    }

    /** Columns of the library and the plans that differ by nature, or name records by our references (mapped). */
    private static final Set<String> CONTROL_OWN = Set.of("reference", "external_reference", "risks", "updated_at",
            "updated_by");
    private static final Set<String> RISK_OWN = Set.of("reference", "external_reference", "controls", "updated_at",
            "updated_by");
    private static final Set<String> ACTION_OWN = Set.of("reference", "external_reference", "sources", "created_at",
            "created_by", "updated_at", "updated_by");

    /**
     * The same round trip for the library and the action plans: the seeded controls, risks (with their links) and
     * action plans (the worked example's among them, with their history and sources) exported, emptied, imported from
     * the three files in one upload, exported again: the same records, linked alike, keyed by the first references.
     * First, while the plans' sources still name the seeded incidents (the other round trip empties them).
     */
    @Test
    @Order(1)
    void theSeededLibraryAndActionPlansExportedAndImportedIntoAnEmptyRegisterAreTheSame() throws Exception {
        var auditor = TestSupport.session("auditor");
        String controls = auditor.request().get("/controls/export.csv").then().statusCode(200).extract().asString();
        String risks = auditor.request().get("/risks/export.csv").then().statusCode(200).extract().asString();
        String actions = auditor.request().get("/actions/export.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> controlsBefore = parse(controls);
        List<CSVRecord> risksBefore = parse(risks);
        List<CSVRecord> actionsBefore = parse(actions);
        assertTrue(controlsBefore.size() >= 3 && risksBefore.size() >= 3, "the seeded library");
        assertTrue(risksBefore.stream().anyMatch(r -> !r.get("controls").isEmpty()), "a risk with its controls");
        assertTrue(actionsBefore.stream().anyMatch(r -> r.get("sources").contains("INCIDENT:" + EXAMPLE)),
                "the worked example's plans: " + actionsBefore.stream().map(r -> r.get("sources")).toList());

        emptyLibrary();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Control.count() + Risk.count()
                + ActionPlan.count()));

        ImportJob job = runLibrary(controls, risks, actions);
        assertEquals(ImportStatus.DONE, job.status, job.problems().toString());
        assertEquals(controlsBefore.size(), job.part("controls").created);
        assertEquals(risksBefore.size(), job.part("risks").created);
        assertEquals(actionsBefore.size(), job.part("actions").created);

        List<CSVRecord> controlsAfter = parse(
                auditor.request().get("/controls/export.csv").then().statusCode(200).extract().asString());
        List<CSVRecord> risksAfter = parse(
                auditor.request().get("/risks/export.csv").then().statusCode(200).extract().asString());
        List<CSVRecord> actionsAfter = parse(
                auditor.request().get("/actions/export.csv").then().statusCode(200).extract().asString());
        Map<String, String> oldOf = new HashMap<>();
        controlsAfter.forEach(r -> oldOf.put(r.get("reference"), r.get("external_reference")));
        risksAfter.forEach(r -> oldOf.put(r.get("reference"), r.get("external_reference")));
        assertSame(controlsBefore, controlsAfter, CONTROL_OWN, "risks", oldOf);
        assertSame(risksBefore, risksAfter, RISK_OWN, "controls", oldOf);
        assertSame(actionsBefore, actionsAfter, ACTION_OWN, "sources", oldOf);

        ImportJob again = runLibrary(controls, risks, actions);
        assertEquals(ImportStatus.DONE, again.status, again.problems().toString());
        for (String part : List.of("controls", "risks", "actions")) {
            assertEquals(0, again.part(part).created + again.part(part).updated, part);
        }
        assertEquals(actionsBefore.size(), again.part("actions").skipped);
        assertEquals(0, again.part("links").created + again.part("links").removed);
    }

    /**
     * Each row of the second export is a row of the first, found by its external reference, with the same values;
     * the column naming other records ({@code linked}) names the same ones once our new references are read back as
     * the first ones.
     */
    private static void assertSame(List<CSVRecord> before, List<CSVRecord> after, Set<String> own, String linked,
            Map<String, String> oldOf) {
        assertEquals(before.size(), after.size());
        Map<String, CSVRecord> source = new HashMap<>();
        before.forEach(r -> source.put(r.get("reference"), r));
        for (CSVRecord row : after) {
            CSVRecord was = source.get(row.get("external_reference"));
            assertTrue(was != null, "imported under the first register's reference: " + row.get("reference"));
            assertEquals(values(was, own), values(row, own), row.get("external_reference"));
            assertEquals(links(was.get(linked), Map.of()), links(row.get(linked), oldOf),
                    row.get("external_reference") + " " + linked);
        }
    }

    /** The records a cell names ({@code ;}-separated, {@code TYPE:reference} or a reference), read back, sorted. */
    private static List<String> links(String cell, Map<String, String> oldOf) {
        return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(item -> {
            int colon = item.indexOf(':');
            String reference = item.substring(colon + 1);
            return item.substring(0, colon + 1) + oldOf.getOrDefault(reference, reference);
        }).sorted().toList();
    }

    private ImportJob runLibrary(String controls, String risks, String actions) throws Exception {
        long id = imports.queue(List.of(
                new Imports.Upload("controls", "control-library.csv", controls.getBytes(StandardCharsets.UTF_8)),
                new Imports.Upload("risks", "risk-register.csv", risks.getBytes(StandardCharsets.UTF_8)),
                new Imports.Upload("actions", "action-plans.csv", actions.getBytes(StandardCharsets.UTF_8))), false,
                "manager", null).id;
        return finished(id);
    }

    /**
     * The library and the action plans emptied, with whatever hangs on them: assessments, tests, attestations, links.
     */
    private static void emptyLibrary() {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Incident.getEntityManager();
            for (String statement : List.of("delete from action_source", "delete from action_update",
                    "delete from action_extension", "delete from action_plan", "delete from evidence_file",
                    "delete from control_test_editor", "delete from control_test", "delete from attestation",
                    "delete from assessment_control", "delete from assessment_task_editor",
                    "delete from assessment_task", "delete from kri_risk", "delete from incident_risk",
                    "delete from incident_control", "delete from risk_control", "delete from risk",
                    "delete from internal_control")) {
                em.createNativeQuery(statement).executeUpdate();
            }
        });
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
        return finished(imports.queue("incident-register.csv", incidents.getBytes(StandardCharsets.UTF_8),
                "loss-ledger.csv", lines.getBytes(StandardCharsets.UTF_8), false, "manager").id);
    }

    private ImportJob finished(long id) throws Exception {
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
