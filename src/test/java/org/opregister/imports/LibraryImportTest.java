package org.opregister.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.action.ActionPlan;
import org.opregister.action.ActionSource;
import org.opregister.action.ActionStatus;
import org.opregister.action.SourceType;
import org.opregister.attachment.StoredFiles;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.control.Control;
import org.opregister.control.ControlType;
import org.opregister.control.Effectiveness;
import org.opregister.incident.Incident;
import org.opregister.risk.Risk;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import of the risk and control library, their links and the action plans (issue #18): several files in one
 * upload, the links set from either side, a re-import that names fewer links, the action plans' history and sources,
 * every kind of bad cell, XLSX, the mapping step, and the upload page.
 */
@QuarkusTest
class LibraryImportTest {

    static final String CONTROL_HEADER = "reference,external_reference,title,control_type,nature,frequency,owner,"
            + "design_effectiveness,operating_effectiveness,key_control,risks,description,updated_at,updated_by";

    static final String RISK_HEADER = "reference,external_reference,title,status,event_category,business_line,"
            + "org_unit,owner,assessor,inherent_likelihood,inherent_impact,inherent_score,inherent_band,"
            + "residual_likelihood,residual_impact,residual_score,residual_band,residual_comment,appetite,controls,"
            + "description,updated_at,updated_by";

    static final String ACTION_HEADER = "reference,external_reference,title,status,overdue,aging,priority,owner,"
            + "due_date,original_due_date,progress,sources,closure_note,closure_requested_by,closure_requested_at,"
            + "reviewed_by,reviewed_at,review_comment,completed_on,description,created_at,created_by,updated_at,"
            + "updated_by";

    @Inject
    Imports imports;

    @Inject
    ImportRunner runner;

    private static String prefix() {
        return "LIB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
    }

    static String control(String reference, String title, String type, String risks) {
        return String.join(",", reference, "", title, type, "AUTOMATED", "DAILY", "Head of IT", "EFFECTIVE",
                "PARTIALLY_EFFECTIVE", "true", risks, "A control", "2024-01-01T00:00:00Z", "someone");
    }

    static String risk(String reference, String title, String controls) {
        return String.join(",", reference, "", title, "ACTIVE", "BUSINESS_DISRUPTION", "RETAIL_BANKING", "IT",
                "CIO", "", "4", "5", "20", "HIGH", "2", "3", "6", "MEDIUM", "", "Low", controls, "A risk",
                "2024-01-01T00:00:00Z", "someone");
    }

    static String action(String reference, String title, String status, String sources, String requestedBy,
            String reviewedBy, String completedOn) {
        return String.join(",", reference, "", title, status, "false", "", "HIGH", "officer", "2024-09-30",
                "2024-06-30", status.equals("DONE") ? "100" : "40", sources, "Done and tested", requestedBy,
                requestedBy.isEmpty() ? "" : "2024-09-01T09:00:00Z", reviewedBy,
                reviewedBy.isEmpty() ? "" : "2024-09-02T10:00:00Z", "", completedOn, "A plan",
                "2024-01-01T00:00:00Z", "someone", "2024-01-01T00:00:00Z", "someone");
    }

    static String csv(String header, String... rows) {
        return ImportTest.csv(header, rows);
    }

    static Imports.Upload file(String part, String text) {
        return new Imports.Upload(part, part + ".csv", text.getBytes(StandardCharsets.UTF_8));
    }

    ImportJob run(boolean dryRun, Imports.Upload... files) throws Exception {
        return finished(imports.queue(List.of(files), dryRun, "manager", null).id);
    }

    ImportJob finished(long id) throws Exception {
        return ImportTest.finished(runner, id);
    }

    static String problems(ImportJob job) {
        return ImportTest.problems(job);
    }

    /** The references of the controls linked to the risk of that key, sorted. */
    static List<String> controlsOf(String riskKey) {
        return QuarkusTransaction.requiringNew().call(() -> Risk.findByExternalReference(riskKey).orElseThrow()
                .controls().stream().map(c -> c.externalReference).sorted().toList());
    }

    @Test
    void controlsRisksTheirLinksAndActionPlansComeInTogetherAndTheSameFilesAgainChangeNothing() throws Exception {
        String p = prefix();
        // The controls file names C1–R1; the risks file names R1–C1 again (one link) and R2–C2.
        String controls = csv(CONTROL_HEADER, control(p + "C1", "Vendor update rings", "PREVENTIVE", p + "R1"),
                control(p + "C2", "Recovery runbook", "CORRECTIVE", ""));
        String risks = csv(RISK_HEADER, risk(p + "R1", "Faulty vendor update", p + "C1"),
                risk(p + "R2", "Slow recovery", p + "C2"));
        String actions = csv(ACTION_HEADER,
                action(p + "A1", "Adopt update rings", "DONE", "RISK:" + p + "R1; CONTROL:" + p + "C1", "officer",
                        "manager", "2024-09-02"),
                action(p + "A2", "Write the runbook", "IN_PROGRESS", "RISK:" + p + "R2", "", "", ""),
                action(p + "A3", "Renegotiate", "PENDING_REVIEW", "CONTROL:" + p + "C2", "officer", "", ""));
        Imports.Upload[] files = {file("controls", controls), file("risks", risks), file("actions", actions)};

        ImportJob dry = run(true, files);
        assertEquals(ImportStatus.DONE, dry.status, problems(dry));
        assertEquals(2, dry.part("controls").created);
        assertEquals(2, dry.part("risks").created);
        assertEquals(2, dry.part("links").created, "C1–R1 named by both files is one link");
        assertEquals(3, dry.part("actions").created);
        assertNull(QuarkusTransaction.requiringNew().call(() -> Control.findByExternalReference(p + "C1")
                .orElse(null)), "a dry run stores nothing");

        ImportJob kept = finished(imports.importDryRun(dry.id, "manager").id);
        assertEquals(ImportStatus.DONE, kept.status, problems(kept));
        assertEquals(List.of(p + "C1"), controlsOf(p + "R1"));
        assertEquals(List.of(p + "C2"), controlsOf(p + "R2"));
        QuarkusTransaction.requiringNew().run(() -> {
            Control c1 = Control.findByExternalReference(p + "C1").orElseThrow();
            assertTrue(c1.reference.startsWith("CTL-"), c1.reference);
            assertEquals(ControlType.PREVENTIVE, c1.type);
            assertEquals(Effectiveness.PARTIALLY_EFFECTIVE, c1.operatingEffectiveness);
            Risk r1 = Risk.findByExternalReference(p + "R1").orElseThrow();
            assertEquals(20, r1.inherentScore, "scores computed");
            assertEquals(6, r1.residualScore);
            ActionPlan done = ActionPlan.findByExternalReference(p + "A1").orElseThrow();
            assertEquals(ActionStatus.DONE, done.status);
            assertEquals("manager", done.review.reviewedBy);
            assertEquals(Instant.parse("2024-09-02T10:00:00Z"), done.review.reviewedAt);
            assertEquals("officer", done.review.submittedBy);
            assertEquals(LocalDate.of(2024, 9, 2), done.completedOn);
            assertEquals(LocalDate.of(2024, 6, 30), done.originalDueDate);
            assertEquals(LocalDate.of(2024, 9, 30), done.dueDate);
            assertEquals(Set.of(SourceType.RISK, SourceType.CONTROL),
                    done.sources().stream().map(s -> s.type).collect(Collectors.toSet()));
            assertEquals(Set.of(r1.id, c1.id),
                    done.sources().stream().map(s -> s.sourceId).collect(Collectors.toSet()));
            ActionPlan pending = ActionPlan.findByExternalReference(p + "A3").orElseThrow();
            assertEquals(ActionStatus.PENDING_REVIEW, pending.status);
            AuditEntry entry = AuditEntry.find("action = ?1 and recordId = ?2", AuditAction.IMPORT,
                    Long.toString(kept.id)).firstResult();
            assertTrue(entry.details.contains("controls_sha256=" + StoredFiles.sha256(controls.getBytes(
                    StandardCharsets.UTF_8))), entry.details);
            assertTrue(entry.details.contains("links created=2"), entry.details);
            assertTrue(entry.details.contains("actions created=3"), entry.details);
        });

        ImportJob again = run(false, files);
        assertEquals(ImportStatus.DONE, again.status, problems(again));
        for (String part : List.of("controls", "risks", "actions")) {
            assertEquals(0, again.part(part).created + again.part(part).updated, part);
        }
        assertEquals(2, again.part("controls").skipped);
        assertEquals(3, again.part("actions").skipped);
        assertEquals(0, again.part("links").created + again.part("links").removed);
        assertEquals(2, again.part("links").skipped);
    }

    @Test
    void aReImportNamingFewerLinksRemovesTheOthersOfTheRecordsItNamesAndTheTrailSaysSo() throws Exception {
        String p = prefix();
        String controls = csv(CONTROL_HEADER, control(p + "C1", "One", "PREVENTIVE", ""),
                control(p + "C2", "Two", "DETECTIVE", ""), control(p + "C3", "Three", "DETECTIVE", p + "R2"));
        String risks = csv(RISK_HEADER, risk(p + "R1", "First", p + "C1;" + p + "C2"), risk(p + "R2", "Second", ""));
        ImportJob first = run(false, file("controls", controls), file("risks", risks));
        assertEquals(ImportStatus.DONE, first.status, problems(first));
        assertEquals(List.of(p + "C1", p + "C2"), controlsOf(p + "R1"));
        assertEquals(List.of(p + "C3"), controlsOf(p + "R2"));

        // The risks file alone, R1 now naming only C1: R1–C2 goes. R2's row names no control: the file is the truth
        // for R2, so R2–C3 (set by the controls file before) goes too.
        String fewer = csv(RISK_HEADER, risk(p + "R1", "First", p + "C1"), risk(p + "R2", "Second", ""));
        ImportJob second = run(false, file("risks", fewer));
        assertEquals(ImportStatus.DONE, second.status, problems(second));
        assertEquals(2, second.part("links").removed);
        assertEquals(1, second.part("links").skipped);
        assertEquals(List.of(p + "C1"), controlsOf(p + "R1"));
        assertEquals(List.of(), controlsOf(p + "R2"));
        long r1 = QuarkusTransaction.requiringNew().call(() -> Risk.findByExternalReference(p + "R1").orElseThrow().id);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and recordType = ?2 and parentId = ?3", AuditAction.DELETE, "RiskControl",
                Long.toString(r1))), "the link removed is in the trail");

        // A controls file without a risks column leaves every link as it is.
        String noLinks = csv(CONTROL_HEADER.replace(",risks", ""),
                control(p + "C1", "One", "PREVENTIVE", "").replaceFirst(",true,,", ",true,"));
        ImportJob third = run(false, file("controls", noLinks));
        assertEquals(ImportStatus.DONE, third.status, problems(third));
        assertNull(third.part("links"));
        assertEquals(List.of(p + "C1"), controlsOf(p + "R1"));
    }

    @Test
    void everyKindOfBadCellInTheNewFilesIsReportedAndNothingIsStored() throws Exception {
        String p = prefix();
        String controls = csv(CONTROL_HEADER, control(p + "C1", "Good", "PREVENTIVE", ""),
                control(p + "C2", "Bad code", "SOMETIMES", ""),
                control(p + "C1", "Twice", "PREVENTIVE", ""));
        String risks = csv(RISK_HEADER, risk(p + "R1", "Names an unknown control", p + "C1;" + p + "NOPE"),
                risk(p + "R2", "Bad rating", p + "C1").replace(",4,5,20,", ",9,5,20,"));
        String actions = csv(ACTION_HEADER,
                action(p + "A1", "Closed without reviewer", "DONE", "RISK:" + p + "R1", "officer", "",
                        "2024-09-02"),
                action(p + "A2", "Bad date", "IN_PROGRESS", "RISK:" + p + "R1", "", "", "")
                        .replace("2024-09-30", "2024-13-01"),
                action(p + "A3", "Unknown source", "NOT_STARTED", "INCIDENT:" + p + "NONE", "", "", ""),
                action(p + "A4", "Bad source", "NOT_STARTED", "somewhere", "", "", ""),
                action(p + "A5", "Four eyes", "DONE", "RISK:" + p + "R1", "officer", "officer", "2024-09-02"),
                action(p + "A6", "Completed yet open", "IN_PROGRESS", "RISK:" + p + "R1", "", "", "2024-09-02"));
        ImportJob job = run(false, file("controls", controls), file("risks", risks), file("actions", actions));
        assertEquals(ImportStatus.REJECTED, job.status);
        String found = problems(job);
        for (String expected : List.of("controls:3:control_type:error.choice",
                "controls:4:reference:imports.error.duplicateKey",
                "risks:2:controls:imports.error.unknownControl",
                "risks:3:inherent_likelihood:error.between",
                "actions:2:reviewed_by:error.required",
                "actions:2:reviewed_at:error.required",
                "actions:3:due_date:error.date",
                "actions:4:sources:imports.error.unknownSource",
                "actions:5:sources:imports.error.sourceFormat",
                "actions:6:reviewed_by:error.actionFourEyes",
                "actions:7:completed_on:imports.error.completedWhileOpen")) {
            assertTrue(found.contains(expected), expected + " in\n" + found);
        }
        assertNull(QuarkusTransaction.requiringNew().call(() -> Control.findByExternalReference(p + "C1")
                .orElse(null)), "nothing of a rejected upload is stored");
    }

    @Test
    void aControlsWorkbookWithFrenchHeadingsAndLabelsIsRead() throws Exception {
        String p = prefix();
        byte[] controls;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Contrôles");
            String[] heads = {"Référence", "Titre", "Type de contrôle", "Nature", "Fréquence", "Propriétaire",
                    "Efficacité de conception", "Efficacité opérationnelle", "Contrôle clé"};
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < heads.length; i++) {
                head.createCell(i).setCellValue(heads[i]);
            }
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
            String[] cells = {p + "X1", "Rapprochement quotidien", "Détectif", "Manuel", "Quotidien",
                    "Comptabilité", "Efficace", "Non testé"};
            for (int i = 0; i < cells.length; i++) {
                row.createCell(i).setCellValue(cells[i]);
            }
            row.createCell(8).setCellValue(true);
            book.write(out);
            controls = out.toByteArray();
        }
        ImportJob job = finished(imports.queue(List.of(new Imports.Upload("controls", "controles.xlsx", controls)),
                false, "manager", null).id);
        assertEquals(ImportStatus.DONE, job.status, problems(job));
        QuarkusTransaction.requiringNew().run(() -> {
            Control control = Control.findByExternalReference(p + "X1").orElseThrow();
            assertEquals(ControlType.DETECTIVE, control.type);
            assertEquals(Effectiveness.NOT_TESTED, control.operatingEffectiveness);
            assertTrue(control.keyControl);
        });
    }

    /**
     * The library as the XLSX exports write it for a French reader (labels in French, the codes in a second row) reads
     * back in a dry run: every control and risk, and their links.
     */
    @Test
    void theLibraryExportedAsXlsxInFrenchReadsBack() throws Exception {
        Session auditor = TestSupport.session("auditor").in("fr");
        byte[] controls = auditor.request().get("/controls/export.xlsx").then().statusCode(200).extract()
                .asByteArray();
        byte[] risks = auditor.request().get("/risks/export.xlsx").then().statusCode(200).extract().asByteArray();
        int controlRows;
        int riskRows;
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(controls))) {
            assertEquals("Type de contrôle", book.getSheetAt(0).getRow(0).getCell(3).getStringCellValue());
            controlRows = book.getSheetAt(0).getLastRowNum() - 1;
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(risks))) {
            riskRows = book.getSheetAt(0).getLastRowNum() - 1;
        }
        ImportJob job = finished(imports.queue(List.of(new Imports.Upload("controls", "controles.xlsx", controls),
                new Imports.Upload("risks", "risques.xlsx", risks)), true, "manager", null).id);
        assertEquals(ImportStatus.DONE, job.status, problems(job));
        // Those imported by other tests are found under their external reference: unchanged.
        ImportPart read = job.part("controls");
        assertEquals(controlRows, read.created + read.updated + read.skipped);
        assertEquals(0, read.updated);
        read = job.part("risks");
        assertEquals(riskRows, read.created + read.updated + read.skipped);
        assertEquals(0, read.updated);
        assertTrue(job.part("links").created > 0, "the links read back");
    }

    @Test
    void unknownHeadingsOfARisksFileAreMapped() throws Exception {
        String p = prefix();
        String header = RISK_HEADER.replace("reference,external_reference,title,", "Risk ID,external_reference,"
                + "Risk name,");
        ImportJob first = run(true, file("risks", csv(header, risk(p + "M1", "Mapped risk", ""))));
        assertEquals(ImportStatus.REJECTED, first.status);
        assertEquals(List.of("risk_id", "risk_name"), first.unknownColumns());
        Session manager = TestSupport.session("manager");
        manager.request().get("/imports/" + first.id).then().statusCode(200)
                .body(containsString("id=\"mapping-form\"")).body(containsString("inherent_likelihood"));
        ImportJob mapped = finished(imports.remap(first.id, new LinkedHashMap<>(Map.of("risk_id", "reference",
                "risk_name", "title")), null, "manager").id);
        assertEquals(ImportStatus.DONE, mapped.status, problems(mapped));
        assertEquals(1, mapped.part("risks").created);
        assertEquals("risks.csv", mapped.part("risks").fileName);
    }

    @Test
    void theUploadTakesControlsAndRisksTogetherAndTheJobPageCountsEachFile() throws Exception {
        String p = prefix();
        Session manager = TestSupport.session("manager");
        Csrf csrf = manager.csrf("/imports");
        manager.request().get("/imports").then().statusCode(200).body(containsString("id=\"f-controls\""))
                .body(containsString("id=\"f-risks\"")).body(containsString("id=\"f-actions\""));
        String controls = csv(CONTROL_HEADER, control(p + "C1", "Uploaded control", "PREVENTIVE", p + "R1"));
        String risks = csv(RISK_HEADER, risk(p + "R1", "Uploaded risk", ""), risk(p + "R2", "", ""));
        String location = manager.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("controls", "library.csv", controls.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("risks", "register.csv", risks.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/imports").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ImportJob job = finished(id);
        assertEquals(ImportStatus.REJECTED, job.status);
        List<String> files = new ArrayList<>();
        job.files().forEach(f -> files.add(f.part + "=" + f.fileName));
        assertEquals(List.of("controls=library.csv", "risks=register.csv"), files);
        manager.request().get("/imports/" + id).then().statusCode(200)
                .body(containsString("id=\"import-file-controls\""))
                .body(containsString("id=\"import-file-risks\""))
                .body(containsString("data-part=\"controls\""))
                .body(containsString("<code>title</code>"));
        manager.request().get("/imports/" + id + "?lang=fr").then().statusCode(200);
    }

    /** The seeded incidents may be named by an action plan's source by our reference. */
    @Test
    void anActionPlanNamesAnIncidentOfTheRegisterByOurReference() throws Exception {
        String p = prefix();
        String reference = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findAll().firstResult().reference);
        ImportJob job = run(false, file("actions", csv(ACTION_HEADER,
                action(p + "A1", "From an incident", "NOT_STARTED", "INCIDENT:" + reference, "", "", ""))));
        assertEquals(ImportStatus.DONE, job.status, problems(job));
        QuarkusTransaction.requiringNew().run(() -> {
            ActionPlan plan = ActionPlan.findByExternalReference(p + "A1").orElseThrow();
            List<ActionSource> sources = plan.sources();
            assertEquals(1, sources.size());
            assertEquals(reference, sources.get(0).reference());
        });
    }
}
