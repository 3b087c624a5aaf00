package org.opregister.risk;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.control.Control;
import org.opregister.control.Effectiveness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The risk register and control library: ratings, bands, the residual rule, links, exports, API, example data. */
@QuarkusTest
class RiskRegisterTest {

    @Test
    void residualAboveInherentNeedsAComment() {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = RiskFixtures.riskForm("Residual above inherent");
        form.put("residualLikelihood", "5");
        form.put("residualImpact", "5");
        long before = count();
        officer.post("/risks/new", "/risks", form).then().statusCode(400)
                .body(containsString("explain why"))
                .body(containsString("value=\"Residual above inherent\""));
        assertEquals(before, count());
        form.put("residualComment", "Controls were removed during the migration");
        officer.post("/risks/new", "/risks", form).then().statusCode(303);
    }

    @Test
    void ratingsOutsideTheScaleAreRefused() {
        Session officer = TestSupport.session("officer");
        for (String bad : List.of("0", "6", "x", "2.5", "-1")) {
            Map<String, Object> form = RiskFixtures.riskForm("Bad scale " + bad);
            form.put("inherentImpact", bad);
            officer.post("/risks/new", "/risks", form).then().statusCode(400)
                    .body(containsString("id=\"e-inherentImpact\""));
        }
    }

    @Test
    void linksAreEditableFromBothSidesAndAudited() {
        Session officer = TestSupport.session("officer");
        long risk = RiskFixtures.risk(officer, "Linked risk");
        long control = RiskFixtures.control(officer, "Linked control");
        RiskFixtures.link(officer, risk, control);
        RiskFixtures.link(officer, risk, control);
        String controlRef = QuarkusTransaction.requiringNew().call(() -> Control.<Control>findById(control).reference);
        officer.request().get("/risks/" + risk).then().body(containsString(controlRef));
        officer.request().get("/controls/" + control).then().body(containsString("Linked risk"));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> RiskControl.count("risk.id = ?1", risk)));

        officer.post("/controls/" + control, "/controls/" + control + "/risks/" + risk + "/unlink", Map.of()).then()
                .statusCode(303);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> RiskControl.count("risk.id = ?1", risk)));
        officer.post("/controls/" + control, "/controls/" + control + "/risks/" + risk + "/unlink", Map.of()).then()
                .statusCode(404);

        List<AuditEntry> history = QuarkusTransaction.requiringNew().call(() -> AuditEntry.history("Risk", risk));
        assertTrue(
                history.stream().anyMatch(e -> "RiskControl".equals(e.recordType) && e.action == AuditAction.CREATE));
        assertTrue(
                history.stream().anyMatch(e -> "RiskControl".equals(e.recordType) && e.action == AuditAction.DELETE));
        officer.post("/risks/" + risk, "/risks/" + risk + "/controls", Map.of("control", "abc")).then().statusCode(400)
                .body(containsString("Choose a control"));
        officer.post("/risks/" + risk, "/risks/" + risk + "/controls", Map.of("control", "99999999")).then()
                .statusCode(404);
    }

    @Test
    void listFiltersByBandAndSortsByResidualScore() {
        Session officer = TestSupport.session("officer");
        Map<String, Object> low = RiskFixtures.riskForm("bandtest low");
        low.put("residualLikelihood", "1");
        low.put("residualImpact", "2");
        officer.post("/risks/new", "/risks", low).then().statusCode(303);
        RiskFixtures.risk(officer, "bandtest high");
        officer.request().get("/risks?q=bandtest&band=LOW").then().statusCode(200)
                .body(containsString("bandtest low")).body(not(containsString("bandtest high")));
        given().auth().preemptive().basic("auditor", "demo").get("/api/risks?q=bandtest&sort=-residual").then()
                .statusCode(200)
                .body("items.title", equalTo(List.of("bandtest high", "bandtest low")));
        officer.request().get("/risks?band=PURPLE").then().statusCode(400);
    }

    @Test
    void exportsCarryRatingsAndLinks() {
        Session officer = TestSupport.session("officer");
        long risk = RiskFixtures.risk(officer, "=csvrisk");
        long control = RiskFixtures.control(officer, "csvcontrol");
        RiskFixtures.link(officer, risk, control);
        String risks = TestSupport.session("auditor").request().get("/risks/export.csv?q=csvrisk").then()
                .statusCode(200)
                .header("Content-Disposition", containsString("risk-register-")).extract().asString();
        String[] lines = risks.split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].contains(
                ",'=csvrisk,ACTIVE,BUSINESS_DISRUPTION,RETAIL_BANKING,IT Operations,CIO,,4,4,16,CRITICAL,2,4,8,MEDIUM,"),
                lines[1]);
        String controls = TestSupport.session("auditor").request().get("/controls/export.csv").asString();
        assertTrue(controls.lines()
                .anyMatch(l -> l.contains("csvcontrol") && l.contains("PREVENTIVE,AUTOMATED,CONTINUOUS")));
    }

    @Test
    void apiCreatesReadsAndUpdatesRisks() {
        Map<String, Object> body = new java.util.HashMap<>(RiskFixtures.riskForm("API risk"));
        int id = given().auth().preemptive().basic("manager", "demo").contentType(ContentType.JSON).body(body)
                .post("/api/risks").then().statusCode(201).body("reference", containsString("RSK-"))
                .body("inherentBand", equalTo("CRITICAL")).body("residualScore", equalTo(8)).extract().path("id");
        body.put("residualImpact", 5);
        body.put("residualLikelihood", 5);
        given().auth().preemptive().basic("manager", "demo").contentType(ContentType.JSON).body(body)
                .put("/api/risks/" + id).then().statusCode(409);
        body.put("version", 0);
        given().auth().preemptive().basic("manager", "demo").contentType(ContentType.JSON).body(body)
                .put("/api/risks/" + id).then().statusCode(400).body("errors", hasKey("residualImpact"))
                .body("errors.residualImpact", containsString("change only through an approved self-assessment"));
        given().auth().preemptive().basic("auditor", "demo").contentType(ContentType.JSON).body(body)
                .post("/api/risks").then().statusCode(403);
        given().auth().preemptive().basic("auditor", "demo").get("/api/controls").then().statusCode(200);
    }

    @Test
    void aRisksRatingsChangeOnlyThroughReviewOrAManagersDocumentedOverride() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long id = RiskFixtures.risk(officer, "Rated when recorded");
        assertEquals(16, riskOf(id).inherentScore, "the first rating is set when the risk is recorded");

        Map<String, Object> edit = RiskFixtures.riskForm("Rated when recorded, renamed");
        edit.put("version", riskOf(id).version);
        edit.put("residualLikelihood", "1");
        officer.post("/risks/" + id + "/edit", "/risks/" + id, edit).then().statusCode(400)
                .body(containsString("change only through an approved self-assessment"));
        assertEquals("Rated when recorded", riskOf(id).title, "nothing stored from a refused edit");
        assertEquals(2, riskOf(id).residualLikelihood);

        officer.request().get("/risks/" + id + "/edit").then().statusCode(200)
                .body(containsString("Current ratings")).body(not(containsString("id=\"f-residualLikelihood\"")))
                .body(not(containsString("/risks/" + id + "/ratings")));
        manager.request().get("/risks/" + id + "/edit").then().statusCode(200)
                .body(containsString("href=\"/risks/" + id + "/ratings\""));
        Map<String, Object> withoutRatings = RiskFixtures.riskForm("Rated when recorded, renamed");
        List.of("inherentLikelihood", "inherentImpact", "residualLikelihood", "residualImpact")
                .forEach(withoutRatings::remove);
        withoutRatings.put("version", riskOf(id).version);
        officer.post("/risks/" + id + "/edit", "/risks/" + id, withoutRatings).then().statusCode(303);
        assertEquals("Rated when recorded, renamed", riskOf(id).title);
        assertEquals(8, riskOf(id).residualScore);

        Map<String, Object> body = new java.util.HashMap<>(RiskFixtures.riskForm("Rated when recorded, by API"));
        body.put("version", riskOf(id).version);
        body.put("inherentImpact", 5);
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(body)
                .put("/api/risks/" + id).then().statusCode(400).body("errors.inherentImpact",
                        containsString("change only through an approved self-assessment"));
        body.put("inherentImpact", 4);
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(body)
                .put("/api/risks/" + id).then().statusCode(200).body("title", equalTo("Rated when recorded, by API"));

        Map<String, Object> override = new java.util.HashMap<>();
        override.put("inherentLikelihood", "5");
        override.put("inherentImpact", "5");
        override.put("residualLikelihood", "3");
        override.put("residualImpact", "5");
        override.put("version", riskOf(id).version);
        officer.post("/risks/" + id, "/risks/" + id + "/ratings", override).then().statusCode(403);
        officer.request().get("/risks/" + id + "/ratings").then().statusCode(403);
        manager.post("/risks/" + id + "/ratings", "/risks/" + id + "/ratings", override).then().statusCode(400)
                .body(containsString("id=\"e-reason\""));
        assertEquals(16, riskOf(id).inherentScore);
        override.put("reason", "Internal audit finding IA-2026-14: no failover tested");
        manager.post("/risks/" + id + "/ratings", "/risks/" + id + "/ratings", override).then().statusCode(303);
        Risk overridden = riskOf(id);
        assertEquals(25, overridden.inherentScore);
        assertEquals(15, overridden.residualScore);
        assertEquals("manager", overridden.ratingsOverriddenBy);
        officer.request().get("/risks/" + id).then().statusCode(200)
                .body(containsString("Ratings overridden by Martin Manager (demo) on"))
                .body(containsString("Internal audit finding IA-2026-14: no failover tested"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.history("Risk", id)).stream()
                .anyMatch(e -> e.changes != null && e.changes.contains("Internal audit finding IA-2026-14")),
                "audited");

        Map<String, Object> apiOverride = new java.util.HashMap<>(Map.of("inherentLikelihood", 4, "inherentImpact", 4,
                "residualLikelihood", 2, "residualImpact", 4, "reason", "Failover tested on 2026-11-20", "version",
                riskOf(id).version));
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(apiOverride)
                .put("/api/risks/" + id + "/ratings").then().statusCode(403);
        given().auth().preemptive().basic("manager", "demo").contentType(ContentType.JSON).body(apiOverride)
                .put("/api/risks/" + id + "/ratings").then().statusCode(200).body("inherentScore", equalTo(16))
                .body("ratingsOverrideReason", equalTo("Failover tested on 2026-11-20"));
    }

    @Test
    void aControlsEffectivenessChangesOnlyThroughReviewTestOrAManagersDocumentedOverride() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long id = RiskFixtures.control(officer, "Effective when recorded");
        assertEquals(Effectiveness.EFFECTIVE, controlOf(id).designEffectiveness);

        Map<String, Object> edit = RiskFixtures.controlForm("Effective when recorded, renamed");
        edit.put("version", controlOf(id).version);
        edit.put("operatingEffectiveness", "EFFECTIVE");
        officer.post("/controls/" + id + "/edit", "/controls/" + id, edit).then().statusCode(400)
                .body(containsString("changes only through an approved self-assessment, a signed-off control test"));
        assertEquals(Effectiveness.NOT_TESTED, controlOf(id).operatingEffectiveness);
        officer.request().get("/controls/" + id + "/edit").then().statusCode(200)
                .body(containsString("Current effectiveness"))
                .body(not(containsString("id=\"f-operatingEffectiveness\"")));
        edit.remove("designEffectiveness");
        edit.remove("operatingEffectiveness");
        officer.post("/controls/" + id + "/edit", "/controls/" + id, edit).then().statusCode(303);
        assertEquals("Effective when recorded, renamed", controlOf(id).title);

        Map<String, Object> body = new java.util.HashMap<>(RiskFixtures.controlForm("Effective when recorded, by API"));
        body.put("version", controlOf(id).version);
        body.put("designEffectiveness", "INEFFECTIVE");
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(body)
                .put("/api/controls/" + id).then().statusCode(400).body("errors", hasKey("designEffectiveness"));
        body.put("designEffectiveness", "EFFECTIVE");
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(body)
                .put("/api/controls/" + id).then().statusCode(200);

        Map<String, Object> override = new java.util.HashMap<>(Map.of("designEffectiveness", "PARTIALLY_EFFECTIVE",
                "operatingEffectiveness", "INEFFECTIVE", "version", controlOf(id).version));
        officer.post("/controls/" + id, "/controls/" + id + "/effectiveness", override).then().statusCode(403);
        override.put("reason", "Failed in incident INC-2026-0042");
        manager.post("/controls/" + id + "/effectiveness", "/controls/" + id + "/effectiveness", override).then()
                .statusCode(303);
        assertEquals(Effectiveness.INEFFECTIVE, controlOf(id).operatingEffectiveness);
        officer.request().get("/controls/" + id).then().statusCode(200)
                .body(containsString("Effectiveness last overridden by Martin Manager (demo) on"))
                .body(containsString("Failed in incident INC-2026-0042"));
    }

    private static Risk riskOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Risk.<Risk>findById(id));
    }

    private static Control controlOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Control.<Control>findById(id));
    }

    @Test
    void theExampleCaseHasItsRisksAndControls() {
        given().auth().preemptive().basic("auditor", "demo").get("/api/risks?q=Vendor update causes mass outage").then()
                .statusCode(200)
                .body("items[0].inherentScore", equalTo(15)).body("items[0].inherentBand", equalTo("CRITICAL"))
                .body("items[0].residualScore", equalTo(10)).body("items[0].residualBand", equalTo("HIGH"))
                .body("items[0].controls.size()", equalTo(2));
        given().auth().preemptive().basic("auditor", "demo").get("/api/controls?q=BitLocker").then()
                .body("items[0].operatingEffectiveness", equalTo("INEFFECTIVE"));
        given().auth().preemptive().basic("auditor", "demo").get("/api/controls?q=Staged content rings").then()
                .body("items.designEffectiveness", hasItem("NOT_IN_PLACE"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Risk.count("orgUnit like ?1", "%(fictional)") >= 5));
    }

    @Test
    void heatMapCountsActiveRisksPerCellAndLinksToThem() {
        Session officer = TestSupport.session("officer");
        for (String title : List.of("heat one", "heat two")) {
            Map<String, Object> form = RiskFixtures.riskForm(title);
            form.put("orgUnit", "Heat unit");
            officer.post("/risks/new", "/risks", form).then().statusCode(303);
        }
        Map<String, Object> retired = RiskFixtures.riskForm("heat retired");
        retired.put("orgUnit", "Heat unit");
        retired.put("status", "RETIRED");
        officer.post("/risks/new", "/risks", retired).then().statusCode(303);

        HeatMap inherent = QuarkusTransaction.requiringNew().call(() -> HeatMap.of("inherent", "Heat unit", null));
        HeatMap residual = QuarkusTransaction.requiringNew().call(() -> HeatMap.of("residual", "Heat unit", null));
        assertEquals(2, inherent.total());
        assertEquals(2, cell(inherent, 4, 4).count());
        assertEquals(RiskBand.CRITICAL, cell(inherent, 4, 4).band());
        assertEquals(2, cell(residual, 2, 4).count());
        assertEquals(0, cell(residual, 4, 4).count());

        TestSupport.session("auditor").request().get("/risks/heatmap?orgUnit=Heat unit").then().statusCode(200)
                .body(containsString(
                        "orgUnit=Heat+unit&amp;inherent=4x4\" title=\"Likelihood 4 × impact 4: 2 risks\">2</a>"));
        TestSupport.session("auditor").request().get("/risks?status=ACTIVE&orgUnit=Heat unit&inherent=4x4").then()
                .body(containsString("heat one")).body(containsString("heat two"))
                .body(not(containsString("heat retired")));
        TestSupport.session("auditor").request().get("/risks?inherent=9x9").then().statusCode(400);
        TestSupport.session("auditor").request().get("/risks/heatmap?businessLine=NOWHERE").then().statusCode(400);
    }

    private static HeatMap.Cell cell(HeatMap map, int likelihood, int impact) {
        return map.rows().stream().filter(r -> r.impact() == impact).findFirst().orElseThrow()
                .cells().get(likelihood - 1);
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Risk.count());
    }
}
