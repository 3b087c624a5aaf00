package org.opregister.imports;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.attachment.StoredFiles;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.audit.AuditWriter;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.incident.IncidentImport;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LedgerLock;
import org.opregister.incident.LossEntry;
import org.opregister.incident.RateSource;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk import of incidents and their ledger lines (issue #18): dry run, bad cells, the import, the re-import. */
@QuarkusTest
class ImportTest {

    static final String INCIDENT_HEADER = "reference,title,status,severity,event_category,event_type,business_line,"
            + "org_unit,owner,occurrence_date,discovery_date,reporting_date,closure_date,near_miss,gain_event,"
            + "legal_entity,root_event,credit_boundary,market_boundary,causes,root_cause,third_party,gross_loss,"
            + "description,closed_by,closed_at";

    static final String LINE_HEADER = "incident_reference,loss_id,entry_type,recovery_status,amount,currency,fx_rate,"
            + "fx_source,fx_reason,reporting_amount,reporting_currency,accounting_date,business_line,post_closure,"
            + "description";

    @Inject
    Imports imports;

    @Inject
    ImportRunner runner;

    // The runner above is a client proxy, whose own fields are empty: a second runner gets the beans themselves.
    @Inject
    IncidentImport register;

    @Inject
    AuditWriter audit;

    /** A unique prefix for the keys of one test, so tests never meet each other's records. */
    private static String prefix() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
    }

    static String incident(String key, String title, String status, String occurred, String discovered,
            String closed, String root, String closedBy) {
        return String.join(",", key, title, status, "HIGH", "BUSINESS_DISRUPTION", "SYSTEMS", "RETAIL_BANKING",
                "IT Operations", "Jane Doe", occurred, discovered, discovered, closed, "false", "false", "MAIN", root,
                "false", "false", "SYSTEMS;EXTERNAL", "A faulty update", "", "999", "'-an outage", closedBy,
                closedBy.isEmpty() ? "" : "2024-09-30T10:00:00Z");
    }

    static String line(String incident, String id, String type, String status, String amount, String currency,
            String rate, String source, String date) {
        return String.join(",", incident, id, type, status, amount, currency, rate, source, "", "1", "EUR", date,
                "", "", "line " + id);
    }

    static String csv(String header, String... rows) {
        return "\uFEFF" + header + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    ImportJob run(String incidents, String lines, boolean dryRun) throws Exception {
        ImportJob queued = imports.queue("incidents.csv", incidents.getBytes(StandardCharsets.UTF_8),
                lines == null ? null : "losses.csv", lines == null ? null : lines.getBytes(StandardCharsets.UTF_8),
                dryRun, "manager");
        return finished(queued.id);
    }

    ImportJob finished(long id) throws Exception {
        return finished(runner, id);
    }

    /** Runs what is queued until that job is finished (the runner given is the bean or its client proxy). */
    static ImportJob finished(ImportRunner runner, long id) throws Exception {
        for (int i = 0; i < 600; i++) {
            runner.kick().get(60, TimeUnit.SECONDS);
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
            if (job.finished()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static Incident byKey(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.findByExternalReference(key).orElse(null));
    }

    static String problems(ImportJob job) {
        return job.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ":" + p.key())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aLineKeyGivenTwiceIsFoundAlsoWhenTheIncidentsLinesAreApart() throws Exception {
        String p = prefix();
        String incidents = csv(INCIDENT_HEADER,
                incident(p + "A", "First", "OPEN", "2024-07-19", "2024-07-19", "", "", ""),
                incident(p + "B", "Second", "OPEN", "2024-07-19", "2024-07-19", "", "", ""));
        String lines = csv(LINE_HEADER,
                line(p + "A", "1", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "B", "1", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "A", "2", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "A", "1", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "B", "2", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "B", "2", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"));
        ImportJob job = run(incidents, lines, true);
        assertEquals(ImportStatus.REJECTED, job.status);
        assertEquals("losses:5:loss_id:imports.error.duplicateLine\nlosses:7:loss_id:imports.error.duplicateLine",
                problems(job), "the same key on another incident, or a new key further down, is no duplicate");
    }

    @Test
    void importedIncidentsAreFoundByTheFreeTextSearch() throws Exception {
        String p = prefix();
        String word = "imported" + p.substring(4, 12).toLowerCase();
        ImportJob job = run(csv(INCIDENT_HEADER,
                incident(p + "1", word + " Tägliche Störung", "OPEN", "2024-07-19", "2024-07-19", "", "", ""),
                incident(p + "2", word + " Branch outage", "OPEN", "2024-07-19", "2024-07-20", "", "", "")), null,
                false);
        assertEquals(ImportStatus.DONE, job.status, problems(job));
        Session auditor = TestSupport.session("auditor");
        // the title without its accents, and a word of the root cause
        assertEquals(List.of(p + "1"), auditor.request().queryParam("q", word + " STORUNG faul")
                .get("/api/incidents").then().statusCode(200).extract().jsonPath().getList("items.externalReference"));
        assertEquals(2, auditor.request().queryParam("q", word).get("/api/incidents").then().statusCode(200)
                .extract().jsonPath().getInt("total"));
    }

    @Test
    void aDryRunStoresNothingTheImportKeepsHistoryAndTheSameFileAgainChangesNothing() throws Exception {
        String p = prefix();
        String incidents = csv(INCIDENT_HEADER,
                incident(p + "1", "Card outage", "CLOSED", "2024-07-19", "2024-07-19", "2024-09-30", "",
                        "cro"),
                incident(p + "2", "Branch outage", "OPEN", "2024-07-19", "2024-07-20", "", p + "1", ""));
        String lines = csv(LINE_HEADER,
                line(p + "1", "11", "DIRECT_CHARGE", "", "1000.00", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "1", "12", "EXTERNAL_EXPENSE", "", "200.00", "USD", "0.9", "RATE_TABLE", "2024-08-15"),
                line(p + "2", "13", "INSURANCE_RECOVERY", "RECEIVED", "100.00", "EUR", "1", "SAME_CURRENCY",
                        "2024-10-15"),
                line(p + "2", "14", "DIRECT_CHARGE", "", "300.00", "EUR", "1", "SAME_CURRENCY", "2024-10-01"));

        ImportJob dry = run(incidents, lines, true);
        assertEquals(ImportStatus.DONE, dry.status, problems(dry));
        assertEquals(2, dry.part("incidents").created);
        assertEquals(4, dry.part("losses").created);
        assertEquals(0, dry.errorCount);
        assertNull(byKey(p + "1"), "a dry run stores nothing");
        assertNull(byKey(p + "2"));

        ImportJob kept = finished(imports.importDryRun(dry.id, "manager").id);
        assertEquals(ImportStatus.DONE, kept.status, problems(kept));
        assertEquals(2, kept.part("incidents").created);
        assertEquals(4, kept.part("losses").created);
        QuarkusTransaction.requiringNew().run(() -> {
            Incident root = Incident.findByExternalReference(p + "1").orElseThrow();
            assertEquals(IncidentStatus.CLOSED, root.status);
            assertEquals(LocalDate.of(2024, 9, 30), root.closureDate);
            assertEquals("cro", root.review.reviewedBy);
            assertEquals(Instant.parse("2024-09-30T10:00:00Z"), root.review.reviewedAt);
            assertEquals(LocalDate.of(2024, 7, 19), root.reportingDate);
            assertTrue(root.reference.startsWith("INC-2024-"), root.reference);
            assertEquals("-an outage", root.description, "the export's formula guard is taken off");
            assertEquals(0, new BigDecimal("1180.00").compareTo(root.grossLoss), "totals summed: " + root.grossLoss);
            assertEquals("manager", root.createdBy);
            Incident grouped = Incident.findByExternalReference(p + "2").orElseThrow();
            assertEquals(root.id, grouped.rootEvent.id);
            assertEquals(IncidentStatus.OPEN, grouped.status);
            assertEquals(0, new BigDecimal("200.00").compareTo(grouped.netLoss));
            LossEntry usd = LossEntry.<LossEntry>find("incident = ?1 and externalReference = '12'", root)
                    .firstResult();
            assertEquals(RateSource.RATE_TABLE, usd.fxSource);
            assertEquals(0, new BigDecimal("0.9").compareTo(usd.fxRate), "the historical rate is kept");
            assertEquals(0, new BigDecimal("180.00").compareTo(usd.reportingAmount));
            assertEquals(LocalDate.of(2024, 8, 15), usd.accountingDate);
            assertEquals(0, new BigDecimal("1480.00").compareTo(usd.event.gross), "the event's lines follow once");
            assertEquals(1, AuditEntry.count("action = ?1 and recordId = ?2", AuditAction.IMPORT,
                    Long.toString(kept.id)));
            AuditEntry entry = AuditEntry.find("action = ?1 and recordId = ?2", AuditAction.IMPORT,
                    Long.toString(kept.id)).firstResult();
            assertTrue(
                    entry.details.contains("sha256=" + StoredFiles.sha256(incidents.getBytes(StandardCharsets.UTF_8))),
                    entry.details);
            assertTrue(entry.details.contains("incidents created=2"), entry.details);
            assertEquals("manager", entry.username);
        });
        Instant stamped = byKey(p + "1").updatedAt;

        ImportJob again = run(incidents, lines, false);
        assertEquals(ImportStatus.DONE, again.status, problems(again) + "\nmapping: " + again.mapping);
        assertEquals(0, again.part("incidents").created);
        assertEquals(0, again.part("incidents").updated);
        assertEquals(2, again.part("incidents").skipped);
        assertEquals(0, again.part("losses").created + again.part("losses").updated);
        assertEquals(4, again.part("losses").skipped);
        assertEquals(stamped, byKey(p + "1").updatedAt, "nothing was written");
        assertEquals(2L, (long) QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.count("incident.externalReference", p + "1")));

        String changed = incidents.replace("Branch outage", "Branch network outage");
        ImportJob update = run(changed, lines, false);
        assertEquals(ImportStatus.DONE, update.status, problems(update));
        assertEquals(1, update.part("incidents").updated);
        assertEquals(1, update.part("incidents").skipped);
        assertEquals("Branch network outage", byKey(p + "2").title);
    }

    @Test
    void theFiguresWrittenOnceEqualARecomputationWhateverTheLinesNameAndHowEventsAreGrouped() throws Exception {
        String p = prefix();
        ImportJob earlier = run(csv(INCIDENT_HEADER, incident(p + "E", "Earlier event", "OPEN", "2024-07-19",
                "2024-07-19", "", "", "")),
                csv(LINE_HEADER, line(p + "E", "1", "DIRECT_CHARGE", "", "500", "EUR", "1", "SAME_CURRENCY",
                        "2024-07-31")),
                false);
        assertEquals(ImportStatus.DONE, earlier.status, problems(earlier));
        String header = INCIDENT_HEADER + ",external_reference";
        String incidents = csv(header,
                incident(p + "R-REF", "Root", "OPEN", "2024-07-19", "2024-07-19", "", "", "") + "," + p + "R",
                incident(p + "M-REF", "Member", "OPEN", "2024-07-19", "2024-07-19", "", p + "R-REF", "") + ","
                        + p + "M",
                incident(p + "X-REF", "Joins the earlier event", "OPEN", "2024-07-19", "2024-07-19", "", p + "E", "")
                        + "," + p + "X",
                // A's key is B's reference in the file: a line naming it belongs to B, which is read after A.
                incident(p + "A-REF", "Named by its key", "OPEN", "2024-07-19", "2024-07-19", "", "", "") + ","
                        + p + "A",
                incident(p + "A", "Named by its reference", "OPEN", "2024-07-19", "2024-07-19", "", "", "") + ","
                        + p + "B");
        String lines = csv(LINE_HEADER,
                line(p + "R-REF", "1", "DIRECT_CHARGE", "", "1000", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "R", "2", "EXTERNAL_EXPENSE", "", "200", "USD", "0.9", "RATE_TABLE", "2024-08-15"),
                line(p + "M", "3", "DIRECT_CHARGE", "", "300", "EUR", "1", "SAME_CURRENCY", "2024-08-01"),
                line(p + "M-REF", "4", "INSURANCE_RECOVERY", "RECEIVED", "100", "EUR", "1", "SAME_CURRENCY",
                        "2024-10-15"),
                line(p + "X", "5", "DIRECT_CHARGE", "", "50", "EUR", "1", "SAME_CURRENCY", "2024-08-01"),
                line(p + "A", "6", "DIRECT_CHARGE", "", "70", "EUR", "1", "SAME_CURRENCY", "2024-08-01"));

        ImportJob job = run(incidents, lines, false);
        assertEquals(ImportStatus.DONE, job.status, problems(job));
        assertEquals(5, job.part("incidents").created);
        assertEquals(6, job.part("losses").created);
        assertTrue(IncidentFixtures.totalsFollowTheirLedger(p), "every incident holds its ledger's totals");
        assertEquals(0, IncidentFixtures.linesOffTheirEvent(p), "every line holds its event's figures");
        QuarkusTransaction.requiringNew().run(() -> {
            Incident root = Incident.findByExternalReference(p + "R").orElseThrow();
            assertEquals(0, new BigDecimal("1180.00").compareTo(root.grossLoss), root.grossLoss.toPlainString());
            LossEntry member = LossEntry.<LossEntry>find("incident.externalReference = ?1 and externalReference"
                    + " = '3'", p + "M").firstResult();
            assertEquals(0, new BigDecimal("1480.00").compareTo(member.event.gross), "root and member as one");
            assertEquals(0, new BigDecimal("1380.00").compareTo(member.event.net));
            LossEntry joined = LossEntry.<LossEntry>find("incident.externalReference", p + "E").firstResult();
            assertEquals(0, new BigDecimal("550.00").compareTo(joined.event.gross),
                    "the earlier event's own line counts the incident that joined it");
            assertEquals(0, Incident.findByExternalReference(p + "A").orElseThrow().grossLoss.signum());
            assertEquals(0, new BigDecimal("70.00")
                    .compareTo(Incident.findByExternalReference(p + "B").orElseThrow().grossLoss));
        });
    }

    @Test
    void everyBadCellIsReportedWithItsLineAndColumnAndNothingIsStored() throws Exception {
        String p = prefix();
        String good = incident(p + "OK", "Good one", "OPEN", "2024-07-19", "2024-07-19", "", "", "");
        String incidents = csv(INCIDENT_HEADER,
                good,
                incident(p + "2", "", "OPEN", "2024-07-19", "2024-07-19", "", "", ""),
                incident(p + "3", "Bad severity", "OPEN", "2024-07-19", "2024-07-19", "", "", "")
                        .replace("HIGH", "SEVERE"),
                incident(p + "4", "Wrong pair", "OPEN", "2024-07-19", "2024-07-19", "", "", "")
                        .replace("SYSTEMS,RETAIL", "EXTERNAL_THEFT_AND_FRAUD,RETAIL"),
                incident(p + "5", "Future", "OPEN", "2999-01-01", "2999-01-01", "", "", ""),
                incident(p + "6", "Discovered first", "OPEN", "2024-07-19", "2024-07-01", "", "", ""),
                incident(p + "7", "Closed without date", "CLOSED", "2024-07-19", "2024-07-19", "", "", ""),
                incident(p + "8", "Open with a date", "OPEN", "2024-07-19", "2024-07-19", "2024-08-01", "", ""),
                incident(p + "9", "Unknown entity", "OPEN", "2024-07-19", "2024-07-19", "", "", "")
                        .replace(",MAIN,", ",NOWHERE,"),
                incident(p + "10", "Unknown root", "OPEN", "2024-07-19", "2024-07-19", "", p + "NONE", ""),
                incident(p + "OK", "Twice", "OPEN", "2024-07-19", "2024-07-19", "", "", ""),
                incident(p + "12", "Bad flag", "OPEN", "2024-07-19", "2024-07-19", "", "", "")
                        .replace(",false,false,MAIN", ",maybe,false,MAIN"),
                incident(p + "13", "Bad status", "SHELVED", "2024-07-19", "2024-07-19", "", "", ""));
        String lines = csv(LINE_HEADER,
                line(p + "OK", "1", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "NOPE", "2", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "OK", "3", "DIRECT_CHARGE", "", "-5", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "OK", "4", "OTHER_RECOVERY", "", "5", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "OK", "5", "DIRECT_CHARGE", "", "5", "EUR", "1", "SAME_CURRENCY", "2024-07-01"),
                line(p + "OK", "6", "DIRECT_CHARGE", "", "5", "XXX", "", "", "2024-07-31"),
                line(p + "OK", "7", "DIRECT_CHARGE", "", "5", "USD", "0.9", "MANUAL", "2024-07-31"),
                line(p + "OK", "1", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"),
                line(p + "OK", "9", "LOSS", "", "100", "EUR", "1", "SAME_CURRENCY", "2024-07-31"));

        ImportJob job = run(incidents, lines, false);
        assertEquals(ImportStatus.REJECTED, job.status);
        String found = problems(job);
        for (String expected : List.of("incidents:3:title:error.required", "incidents:4:severity:error.choice",
                "incidents:5:event_type:error.eventTypePair", "incidents:6:occurrence_date:error.futureDate",
                "incidents:7:discovery_date:error.discoveryBeforeOccurrence", "incidents:8:closure_date:error.required",
                "incidents:9:closure_date:imports.error.closureWhileOpen",
                "incidents:10:legal_entity:error.legalEntityUnknown", "incidents:11:root_event:error.rootEventUnknown",
                "incidents:12:reference:imports.error.duplicateKey", "incidents:13:near_miss:error.choice",
                "incidents:14:status:error.choice", "losses:3:incident_reference:imports.error.unknownIncident",
                "losses:4:amount:", "losses:5:recovery_status:error.required",
                "losses:6:accounting_date:error.accountingBeforeOccurrence", "losses:7:currency:",
                "losses:8:fx_reason:error.fxReasonRequired", "losses:9:loss_id:imports.error.duplicateLine",
                "losses:10:entry_type:error.choice")) {
            assertTrue(found.contains(expected), expected + " not in\n" + found);
        }
        assertTrue(job.errorCount >= 20, found);
        assertNull(byKey(p + "OK"), "one bad cell and nothing is stored");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("action = ?1 and recordId = ?2", AuditAction.IMPORT,
                        Long.toString(job.id))));
    }

    @Test
    void aLineInALockedPeriodIsABadCellUnlessTheRowSaysWhatItHoldsAlready() throws Exception {
        String p = prefix();
        String incidents = csv(INCIDENT_HEADER,
                incident(p + "1", "Old one", "CLOSED", "2020-01-10", "2020-01-10", "2020-03-31", "", "cro"));
        String lines = csv(LINE_HEADER,
                line(p + "1", "1", "DIRECT_CHARGE", "", "100", "EUR", "1", "SAME_CURRENCY", "2020-01-31"));
        ImportJob first = run(incidents, lines, false);
        assertEquals(ImportStatus.DONE, first.status, problems(first));
        // Without closed_by and closed_at, the closing recorded stands.
        String anonymous = incidents.replace(",cro,2024-09-30T10:00:00Z", ",,");
        QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = LocalDate.of(2020, 12, 31));
        try {
            ImportJob again = run(anonymous, lines, false);
            assertEquals(ImportStatus.DONE, again.status, problems(again) + "\nmapping: " + again.mapping);
            assertEquals(1, again.part("incidents").skipped);
            assertEquals(1, again.part("losses").skipped);
            assertEquals("cro", byKey(p + "1").review.reviewedBy);

            ImportJob changed = run(incidents, lines.replace(",100,", ",150,"), true);
            assertEquals(ImportStatus.REJECTED, changed.status);
            assertTrue(problems(changed).contains("losses:2:accounting_date:error.periodLocked"), problems(changed));

            String added = lines + line(p + "1", "2", "DIRECT_CHARGE", "", "5", "EUR", "1", "SAME_CURRENCY",
                    "2020-02-28") + "\r\n";
            ImportJob booked = run(incidents, added, true);
            assertEquals(ImportStatus.REJECTED, booked.status);
            assertTrue(problems(booked).contains("losses:3:accounting_date:error.periodLocked"), problems(booked));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = null);
        }
    }

    @Test
    void aBrokenHeaderOrFileIsReportedOnLineOne() throws Exception {
        ImportJob unknown = run(csv("reference,title,colour", "X,Y,red"), null, true);
        assertEquals(ImportStatus.REJECTED, unknown.status);
        String found = problems(unknown);
        assertTrue(found.contains("incidents:1:colour:imports.error.unknownColumn"), found);
        assertTrue(found.contains("incidents:1:severity:imports.error.missingColumn"), found);

        ImportJob latin1 = imports.queue("bad.csv", new byte[]{'r', 'e', 'f', ',', (byte) 0xE9, '\n'}, null, null,
                true, "manager");
        ImportJob job = finished(latin1.id);
        assertEquals(ImportStatus.REJECTED, job.status);
        assertTrue(problems(job).contains("incidents:1::error.uploadEncoding"), problems(job));
    }

    @Test
    void importsStartedTogetherRunOneAfterTheOther() throws Exception {
        String p = prefix();
        String incidents = csv(INCIDENT_HEADER,
                incident(p + "1", "Together", "OPEN", "2024-07-19", "2024-07-19", "", "", ""));
        byte[] bytes = incidents.getBytes(StandardCharsets.UTF_8);
        List<ImportJob> queued = List.of(imports.queue("a.csv", bytes, null, null, false, "manager"),
                imports.queue("b.csv", bytes, null, null, false, "manager"));
        // Two instances' runners at once: each claims under the cluster lock, never two at a time.
        ImportRunner other = new ImportRunner();
        other.register = register;
        other.audit = audit;
        var first = runner.kick();
        var second = other.kick();
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
        other.stop();
        ImportJob a = finished(queued.get(0).id);
        ImportJob b = finished(queued.get(1).id);
        assertEquals(ImportStatus.DONE, a.status, problems(a));
        assertEquals(ImportStatus.DONE, b.status, problems(b));
        assertEquals(1, a.part("incidents").created + b.part("incidents").created,
                "one created it, the other found it");
        assertEquals(1, a.part("incidents").skipped + b.part("incidents").skipped);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Incident.count("externalReference", p + "1")));
    }

    @Test
    void pagesAreTheManagers() {
        Session manager = TestSupport.session("manager");
        manager.request().get("/imports").then().statusCode(200).body(containsString("id=\"import-form\""));
        TestSupport.session("officer").request().get("/imports").then().statusCode(403);
        TestSupport.session("auditor").request().get("/imports").then().statusCode(403);
        Csrf csrf = manager.csrf("/imports");
        manager.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("losses", "losses.csv", new byte[0], "text/csv").post("/imports").then().statusCode(400)
                .body(containsString("id=\"f-losses-error\""));
        manager.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("mapping", "").post("/imports").then().statusCode(400)
                .body(containsString("Choose at least one file."));
    }

    @Test
    void anUploadIsQueuedAndItsPageShowsTheResult() throws Exception {
        String p = prefix();
        Session manager = TestSupport.session("manager");
        Csrf csrf = manager.csrf("/imports");
        String incidents = csv(INCIDENT_HEADER,
                incident(p + "1", "Uploaded", "OPEN", "2024-07-19", "2024-07-19", "", "", ""),
                incident(p + "2", "", "OPEN", "2024-07-19", "2024-07-19", "", "", ""));
        String location = manager.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("incidents", "history.csv", incidents.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/imports").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ImportJob job = finished(id);
        assertEquals(ImportStatus.REJECTED, job.status);
        assertTrue(job.dryRun);
        manager.request().get("/imports/" + id).then().statusCode(200)
                .body(containsString("history.csv"))
                .body(containsString("id=\"import-rejected\""))
                .body(containsString("<code>title</code>"))
                .body(containsString("This field is required."));
        manager.request().get("/imports").then().statusCode(200).body(containsString("/imports/" + id));
        Csrf again = manager.csrf("/imports");
        manager.request().cookie("csrf-token", again.cookie()).formParam("csrf-token", again.field())
                .contentType("application/x-www-form-urlencoded").post("/imports/" + id + "/run").then()
                .statusCode(409);
    }

    @Test
    void anXlsxWorkbookWithFrenchHeadingsAndLabelsIsReadLikeTheCsv() throws Exception {
        String p = prefix();
        byte[] incidents;
        byte[] lines;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet sheet = book.createSheet("Incidents");
            String[] heads = {"Référence", "Titre", "Statut", "Gravité", "Catégorie d’événement", "Type d’événement",
                    "Ligne d’activité", "Unité organisationnelle", "Propriétaire", "Date de survenance",
                    "Date de découverte", "Date de clôture", "Quasi-incident", "Catégories de causes", "Clôturé par"};
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < heads.length; i++) {
                head.createCell(i).setCellValue(heads[i]);
            }
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(p + "X1");
            row.createCell(1).setCellValue("Panne des automates");
            row.createCell(2).setCellValue("Clôturé");
            row.createCell(3).setCellValue("Élevée");
            row.createCell(4).setCellValue("BUSINESS_DISRUPTION");
            row.createCell(5).setCellValue("Systems");
            row.createCell(6).setCellValue("RETAIL_BANKING");
            row.createCell(7).setCellValue("Agences");
            row.createCell(8).setCellValue("Directeur des agences");
            date(row, 9, LocalDate.of(2023, 5, 2), dateStyle);
            date(row, 10, LocalDate.of(2023, 5, 3), dateStyle);
            date(row, 11, LocalDate.of(2023, 6, 30), dateStyle);
            row.createCell(12).setCellValue(false);
            row.createCell(13).setCellValue("SYSTEMS");
            row.createCell(14).setCellValue("cro");
            book.write(out);
            incidents = out.toByteArray();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Pertes");
            String[] heads = {"Référence de l’incident", "Identifiant de ligne", "Type d’écriture", "Montant", "Devise",
                    "Date comptable", "Description"};
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < heads.length; i++) {
                head.createCell(i).setCellValue(heads[i]);
            }
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(2);
            row.createCell(0).setCellValue(p + "X1");
            row.createCell(1).setCellValue(7);
            row.createCell(2).setCellValue("DIRECT_CHARGE");
            row.createCell(3).setCellValue(12500.5);
            row.createCell(4).setCellValue("EUR");
            row.createCell(5).setCellValue("2023-05-31");
            row.createCell(6).setCellValue("Réparation");
            book.write(out);
            lines = out.toByteArray();
        }
        ImportJob queued = imports.queue("historique.xlsx", incidents, "pertes.xlsx", lines, false, "manager");
        ImportJob job = finished(queued.id);
        assertEquals(ImportStatus.DONE, job.status, problems(job));
        assertEquals(1, job.part("incidents").created);
        assertEquals(1, job.part("losses").created);
        QuarkusTransaction.requiringNew().run(() -> {
            Incident incident = Incident.findByExternalReference(p + "X1").orElseThrow();
            assertEquals(IncidentStatus.CLOSED, incident.status);
            assertEquals(org.opregister.incident.Severity.HIGH, incident.severity);
            assertEquals(LocalDate.of(2023, 5, 2), incident.occurrenceDate);
            assertEquals(LocalDate.of(2023, 6, 30), incident.closureDate);
            assertEquals(0, new BigDecimal("12500.50").compareTo(incident.grossLoss));
            LossEntry entry = LossEntry.find("incident", incident).firstResult();
            assertEquals("7", entry.externalReference);
            assertTrue(entry.postClosure == false);
        });

        ImportJob broken = finished(imports.queue("broken.xlsx", new byte[]{'P', 'K', 3, 4, 0, 0}, null, null, true,
                "manager").id);
        assertEquals(ImportStatus.REJECTED, broken.status);
        assertTrue(problems(broken).contains("incidents:1::imports.error.xlsxUnreadable"), problems(broken));
    }

    @Test
    void headingsNotRecognisedAreMappedAndTheMappingIsSavedForTheNextFile() throws Exception {
        String p = prefix();
        String header = INCIDENT_HEADER.replace("reference,title,", "Ref,Incident heading,") + ",Notes";
        String incidents = csv(header,
                incident(p + "1", "Mapped", "OPEN", "2024-07-19", "2024-07-19", "", "", "") + ",internal");
        ImportJob first = run(incidents, null, true);
        assertEquals(ImportStatus.REJECTED, first.status);
        assertEquals(List.of("ref", "incident_heading", "notes"), first.unknownColumns());

        Session manager = TestSupport.session("manager");
        manager.request().get("/imports/" + first.id).then().statusCode(200)
                .body(containsString("id=\"mapping-form\""));
        Csrf csrf = manager.csrf("/imports");
        manager.request().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field())
                .contentType("application/x-www-form-urlencoded")
                .formParam("source", "ref").formParam("target", "no_such_column")
                .post("/imports/" + first.id + "/mapping").then().statusCode(400);

        String name = "Legacy " + p;
        ImportJob mapped = finished(imports.remap(first.id, new java.util.LinkedHashMap<>(java.util.Map.of("ref",
                "reference", "incident_heading", "title", "notes", "-")), name, "manager").id);
        assertEquals(ImportStatus.DONE, mapped.status, problems(mapped));
        assertEquals(1, mapped.part("incidents").created);
        ImportMapping saved = QuarkusTransaction.requiringNew()
                .call(() -> ImportMapping.<ImportMapping>find("name", name).firstResult());
        assertEquals("reference", saved.pairs().get("ref"));

        String next = csv(header,
                incident(p + "2", "Mapped again", "OPEN", "2024-07-19", "2024-07-19", "", "", "") + ",x");
        String location = manager.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("incidents", "next.csv", next.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("mapping", Long.toString(saved.id)).post("/imports").then().statusCode(303).extract()
                .header("Location");
        ImportJob again = finished(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        assertEquals(ImportStatus.DONE, again.status, problems(again) + "\nmapping: " + again.mapping);
        assertEquals(1, again.part("incidents").created);
    }

    private static void date(org.apache.poi.ss.usermodel.Row row, int column, LocalDate value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
