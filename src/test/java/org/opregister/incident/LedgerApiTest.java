package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An accounting system posting ledger lines through {@code /api/incidents/{id}/losses}: the page's service commands,
 * rules, period lock and version checks, in the API's error format; incidents found by the bank's own reference.
 */
@QuarkusTest
class LedgerApiTest {

    /** Amounts read as BigDecimal (never float). */
    private static RequestSpecification as(String user) {
        return given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().preemptive().basic(user, "demo");
    }

    /** An amount as stored: two decimals, 1000.00. */
    private static Matcher<Object> amount(String value) {
        return Matchers.equalTo(new BigDecimal(value).setScale(2));
    }

    private static long incident(String title, String externalReference) {
        Map<String, Object> body = IncidentApiTest.body(title);
        body.put("nearMiss", false);
        if (externalReference != null) {
            body.put("externalReference", externalReference);
        }
        return as("officer").contentType(ContentType.JSON).body(body).post("/api/incidents").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> line(String type, Object amount, String date) {
        Map<String, Object> line = new HashMap<>();
        line.put("type", type);
        line.put("amount", amount);
        line.put("currency", "EUR");
        line.put("accountingDate", date);
        line.put("description", type + " from the general ledger");
        if (type.endsWith("_RECOVERY")) {
            line.put("recoveryStatus", "RECEIVED");
        }
        return line;
    }

    private static long lineCount(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> LossEntry.count("incident.id", incidentId));
    }

    @Test
    void anAccountingSystemListsBooksCorrectsAndRemovesLines() {
        long id = incident("Ledger through the API", null);
        String location = as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", 1000, "2025-02-10"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(201)
                .header("Location", containsString("/api/incidents/" + id + "/losses/"))
                .body("amount", amount("1000"))
                .body("currency", equalTo("EUR"))
                .body("businessLine", equalTo("RETAIL_BANKING"))
                .extract().header("Location");
        long lossId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        as("officer").contentType(ContentType.JSON).body(line("INSURANCE_RECOVERY", "250.50", "2025-03-01"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(201);

        as("auditor").get("/api/incidents/" + id + "/losses").then().statusCode(200)
                .body("lines", hasSize(2))
                .body("lines[0].id", equalTo((int) lossId))
                .body("grossLoss", amount("1000"))
                .body("recoveries", amount("250.5"))
                .body("netLoss", amount("749.5"))
                .body("reportingCurrency", equalTo("EUR"));
        int version = as("auditor").get("/api/incidents/" + id + "/losses/" + lossId).then().statusCode(200)
                .body("type", equalTo("DIRECT_CHARGE")).extract().path("version");

        Map<String, Object> correction = line("DIRECT_CHARGE", "1200", "2025-02-10");
        correction.put("version", version);
        int corrected = as("manager").contentType(ContentType.JSON).body(correction)
                .put("/api/incidents/" + id + "/losses/" + lossId).then().statusCode(200)
                .body("amount", amount("1200")).extract().path("version");
        // The same correction sent again carries the version it read before: someone else's change came first.
        correction.put("amount", "1300");
        as("officer").contentType(ContentType.JSON).body(correction).put("/api/incidents/" + id + "/losses/" + lossId)
                .then().statusCode(409).contentType(ContentType.JSON).body("status", equalTo(409))
                .body("message", containsString("Someone else"));
        as("auditor").get("/api/incidents/" + id).then().body("netLoss", amount("949.5"));

        as("officer").delete("/api/incidents/" + id + "/losses/" + lossId + "?version=" + version).then()
                .statusCode(409);
        // Removing the charge would leave the recovery above the loss: refused, as on the page.
        as("officer").delete("/api/incidents/" + id + "/losses/" + lossId + "?version=" + corrected).then()
                .statusCode(409).body("message", containsString("net loss below zero"));
        assertEquals(2, lineCount(id));
        long recoveryId = as("auditor").get("/api/incidents/" + id + "/losses").then().extract().jsonPath()
                .getLong("lines[1].id");
        int recoveryVersion = as("auditor").get("/api/incidents/" + id + "/losses/" + recoveryId).then().extract()
                .path("version");
        as("officer").delete("/api/incidents/" + id + "/losses/" + recoveryId + "?version=" + recoveryVersion).then()
                .statusCode(204);
        as("auditor").get("/api/incidents/" + id + "/losses").then().body("lines", hasSize(1))
                .body("netLoss", amount("1200"));
        // The history tells who did it through the API, like a change on the page.
        TestSupport.session("auditor").request().get("/incidents/" + id + "/history").then().statusCode(200)
                .body(containsString("manager")).body(containsString("1200"));
    }

    @Test
    void thePagesRulesApplyToTheApi() {
        long id = incident("Ledger rules through the API", null);
        as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "100", "2025-02-10"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(201);
        // Net loss never below zero.
        as("officer").contentType(ContentType.JSON).body(line("INSURANCE_RECOVERY", "150", "2025-02-11"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(400).body("status", equalTo(400))
                .body("errors", hasKey("amount"));
        // Not before the incident occurred; a received recovery not in the future; a known currency.
        Map<String, Object> early = line("DIRECT_CHARGE", "5", "2025-01-01");
        early.put("currency", "XXX");
        as("officer").contentType(ContentType.JSON).body(early).post("/api/incidents/" + id + "/losses").then()
                .statusCode(400).body("errors", hasKey("accountingDate")).body("errors", hasKey("currency"));
        as("officer").contentType(ContentType.JSON)
                .body(line("INSURANCE_RECOVERY", "5", LocalDate.now().plusDays(3).toString()))
                .post("/api/incidents/" + id + "/losses").then().statusCode(400)
                .body("errors", hasKey("accountingDate"));
        assertEquals(1, lineCount(id));

        // A near miss carries no lines.
        long nearMiss = as("officer").contentType(ContentType.JSON).body(IncidentApiTest.body("Near miss ledger"))
                .post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
        as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-02-10"))
                .post("/api/incidents/" + nearMiss + "/losses").then().statusCode(400).body("errors", hasKey("type"));

        // Under review, the ledger is read-only for the API as for the page.
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.<Incident>findById(id).status = IncidentStatus.UNDER_REVIEW);
        as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-02-10"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(409).contentType(ContentType.JSON);
        assertEquals(1, lineCount(id));
    }

    @Test
    void aLockedPeriodTakesNoLineFromTheApi() {
        long id = incident("Ledger lock through the API", null);
        long lossId = as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "100", "2025-02-10"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(201).extract().jsonPath().getLong("id");
        int version = as("officer").get("/api/incidents/" + id + "/losses/" + lossId).then().extract().path("version");
        try {
            QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = LocalDate.of(2025, 3, 31));
            as("auditor").get("/api/incidents/" + id + "/losses").then().body("lockedThrough", equalTo("2025-03-31"));
            as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-03-31"))
                    .post("/api/incidents/" + id + "/losses").then().statusCode(400)
                    .body("errors.accountingDate", containsString("2025-03-31"));
            Map<String, Object> moved = line("DIRECT_CHARGE", "100", "2025-04-01");
            moved.put("version", version);
            as("officer").contentType(ContentType.JSON).body(moved).put("/api/incidents/" + id + "/losses/" + lossId)
                    .then().statusCode(409).body("message", containsString("locked"));
            as("officer").delete("/api/incidents/" + id + "/losses/" + lossId + "?version=" + version).then()
                    .statusCode(409);
            as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-04-01"))
                    .post("/api/incidents/" + id + "/losses").then().statusCode(201);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = null);
        }
        assertEquals(new BigDecimal("100.00"), QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.<LossEntry>findById(lossId).amount), "the locked line stays as it was");
    }

    @Test
    void badJsonUnknownIdsAndAuditorsAreRefused() {
        long id = incident("Ledger refusals through the API", null);
        String losses = "/api/incidents/" + id + "/losses";
        as("officer").contentType(ContentType.JSON).body("{\"amount\": ").post(losses).then().statusCode(400)
                .body("errors._form", containsString("not valid JSON"));
        as("officer").contentType(ContentType.JSON).body("{\"amount\": {\"a\": 1}}").post(losses).then()
                .statusCode(400).body("errors", hasKey("amount"));
        as("officer").contentType(ContentType.JSON).body("").post(losses).then().statusCode(400);
        as("officer").contentType(ContentType.JSON).body("{}").post(losses).then().statusCode(400)
                .body("errors", hasKey("type")).body("errors", hasKey("amount"))
                .body("errors", hasKey("accountingDate"));
        as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "12.345", "2025-13-01")).post(losses)
                .then().statusCode(400).body("errors", hasKey("amount")).body("errors", hasKey("accountingDate"));
        assertEquals(0, lineCount(id));

        as("officer").get("/api/incidents/987654321/losses").then().statusCode(404).contentType(ContentType.JSON)
                .body("status", equalTo(404));
        as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-02-10"))
                .post("/api/incidents/987654321/losses").then().statusCode(404).contentType(ContentType.JSON);
        as("officer").get(losses + "/987654321").then().statusCode(404);
        long other = incident("Another ledger", null);
        long foreign = as("officer").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-02-10"))
                .post("/api/incidents/" + other + "/losses").then().statusCode(201).extract().jsonPath().getLong("id");
        as("officer").get(losses + "/" + foreign).then().statusCode(404);
        Map<String, Object> hijack = line("DIRECT_CHARGE", "6", "2025-02-10");
        hijack.put("version", 0);
        as("officer").contentType(ContentType.JSON).body(hijack).put(losses + "/" + foreign).then().statusCode(404);

        as("auditor").get(losses).then().statusCode(200);
        as("auditor").contentType(ContentType.JSON).body(line("DIRECT_CHARGE", "5", "2025-02-10")).post(losses).then()
                .statusCode(403).contentType(ContentType.JSON);
        as("auditor").contentType(ContentType.JSON).body(hijack).put("/api/incidents/" + other + "/losses/" + foreign)
                .then().statusCode(403);
        as("auditor").delete("/api/incidents/" + other + "/losses/" + foreign + "?version=0").then().statusCode(403);
        given().get(losses).then().statusCode(401);
        assertEquals(0, lineCount(id));
        assertEquals(1, lineCount(other));
    }

    @Test
    void anIncidentIsFoundByTheBanksOwnReference() {
        String reference = "GL-" + System.nanoTime();
        long id = incident("Found by your reference", reference);
        as("auditor").get("/api/incidents?externalReference=" + reference).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) id))
                .body("items[0].externalReference", equalTo(reference));
        as("auditor").get("/api/incidents/by-external-reference/" + reference).then().statusCode(200)
                .body("id", equalTo((int) id)).body("losses", hasSize(0));
        as("auditor").get("/api/incidents?externalReference=NO-SUCH-" + reference).then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
        as("auditor").get("/api/incidents/by-external-reference/NO-SUCH-" + reference).then().statusCode(404)
                .contentType(ContentType.JSON);

        // One incident per reference: a second one, or an edit taking it, is refused on the field.
        Map<String, Object> twin = IncidentApiTest.body("Twin");
        twin.put("externalReference", reference);
        as("officer").contentType(ContentType.JSON).body(twin).post("/api/incidents").then().statusCode(400)
                .body("errors.externalReference", containsString(reference));

        // The form sets it too, and the incident's page shows it.
        TestSupport.Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm("Reference from the form");
        String mine = "ACC-" + System.nanoTime();
        form.put("externalReference", mine);
        long fromForm = IncidentFixtures.record(officer, form);
        officer.request().get("/incidents/" + fromForm).then().statusCode(200)
                .body(containsString("id=\"external-reference\"")).body(containsString(mine));
        Map<String, Object> taken = IncidentFixtures.incidentForm("Reference taken");
        taken.put("externalReference", reference);
        officer.post("/incidents/new", "/incidents", taken).then().statusCode(400)
                .body(containsString("is already another incident")).body(containsString("Reference taken"));
        officer.request().get("/incidents/" + fromForm + "/edit").then().statusCode(200)
                .body(containsString("value=\"" + mine + "\""));
        as("auditor").get("/api/incidents/" + fromForm).then().body("externalReference", equalTo(mine))
                .body("reference", org.hamcrest.Matchers.startsWith("INC-"));
    }

    @Test
    void theLocationOfABookedLineReadsIt() {
        long id = incident("Location of a line", null);
        String location = as("officer").contentType(ContentType.JSON).body(line("PENDING_LOSS", "42", "2025-02-10"))
                .post("/api/incidents/" + id + "/losses").then().statusCode(201).extract().header("Location");
        as("auditor").get(location).then().statusCode(200).body("type", equalTo("PENDING_LOSS"))
                .body("description", endsWith("general ledger"));
    }

    @Test
    void twoIncidentsSavedAtOnceWithTheSameBankReferenceGiveOneIncidentAndOneMessage() {
        String reference = "GL-RACE-" + System.nanoTime();
        List<Integer> statuses = org.opregister.Parallel.run(4, i -> {
            Map<String, Object> body = IncidentApiTest.body("Race for " + reference + " #" + i);
            body.put("nearMiss", false);
            body.put("externalReference", reference);
            return as("officer").contentType(ContentType.JSON).body(body).post("/api/incidents").statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        as("auditor").get("/api/incidents?externalReference=" + reference).then().statusCode(200)
                .body("items", hasSize(1));
    }
}
