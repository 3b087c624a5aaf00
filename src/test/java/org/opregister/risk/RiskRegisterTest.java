package org.opregister.risk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The risk register and control library: ratings, bands, the residual rule, links, exports, API, example data. */
@QuarkusTest
class RiskRegisterTest {

    @Test
    void bandsFollowTheScoreEdges() {
        assertEquals(RiskBand.LOW, RiskBand.of(1));
        assertEquals(RiskBand.LOW, RiskBand.of(4));
        assertEquals(RiskBand.MEDIUM, RiskBand.of(5));
        assertEquals(RiskBand.MEDIUM, RiskBand.of(9));
        assertEquals(RiskBand.HIGH, RiskBand.of(10));
        assertEquals(RiskBand.HIGH, RiskBand.of(14));
        assertEquals(RiskBand.CRITICAL, RiskBand.of(15));
        assertEquals(RiskBand.CRITICAL, RiskBand.of(25));
        assertThrows(IllegalArgumentException.class, () -> RiskBand.of(26));
        assertThrows(IllegalArgumentException.class, () -> new Rating(0, 3));
        assertEquals(20, new Rating(4, 5).score());
    }

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
            officer.post("/risks/new", "/risks", form).then().statusCode(400).body(containsString("id=\"e-inherentImpact\""));
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

        officer.post("/controls/" + control, "/controls/" + control + "/risks/" + risk + "/unlink", Map.of()).then().statusCode(303);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> RiskControl.count("risk.id = ?1", risk)));
        officer.post("/controls/" + control, "/controls/" + control + "/risks/" + risk + "/unlink", Map.of()).then().statusCode(404);

        List<AuditEntry> history = QuarkusTransaction.requiringNew().call(() -> AuditEntry.history("Risk", risk));
        assertTrue(history.stream().anyMatch(e -> "RiskControl".equals(e.recordType) && e.action == AuditAction.CREATE));
        assertTrue(history.stream().anyMatch(e -> "RiskControl".equals(e.recordType) && e.action == AuditAction.DELETE));
        officer.post("/risks/" + risk, "/risks/" + risk + "/controls", Map.of("control", "abc")).then().statusCode(400)
                .body(containsString("Choose a control"));
        officer.post("/risks/" + risk, "/risks/" + risk + "/controls", Map.of("control", "99999999")).then().statusCode(404);
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
        given().auth().preemptive().basic("auditor", "demo").get("/api/risks?q=bandtest&sort=-residual").then().statusCode(200)
                .body("items.title", equalTo(List.of("bandtest high", "bandtest low")));
        officer.request().get("/risks?band=PURPLE").then().statusCode(400);
    }

    @Test
    void exportsCarryRatingsAndLinks() {
        Session officer = TestSupport.session("officer");
        long risk = RiskFixtures.risk(officer, "=csvrisk");
        long control = RiskFixtures.control(officer, "csvcontrol");
        RiskFixtures.link(officer, risk, control);
        String risks = TestSupport.session("auditor").request().get("/risks/export.csv?q=csvrisk").then().statusCode(200)
                .header("Content-Disposition", containsString("risk-register-")).extract().asString();
        String[] lines = risks.split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].contains(",'=csvrisk,ACTIVE,BUSINESS_DISRUPTION,RETAIL_BANKING,IT Operations,CIO,,4,4,16,CRITICAL,2,4,8,MEDIUM,"),
                lines[1]);
        String controls = TestSupport.session("auditor").request().get("/controls/export.csv").asString();
        assertTrue(controls.lines().anyMatch(l -> l.contains("csvcontrol") && l.contains("PREVENTIVE,AUTOMATED,CONTINUOUS")));
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
                .put("/api/risks/" + id).then().statusCode(400).body("errors", hasKey("residualComment"));
        given().auth().preemptive().basic("auditor", "demo").contentType(ContentType.JSON).body(body)
                .post("/api/risks").then().statusCode(403);
        given().auth().preemptive().basic("auditor", "demo").get("/api/controls").then().statusCode(200);
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
                .body(containsString("orgUnit=Heat+unit&amp;inherent=4x4\" title=\"Likelihood 4 × impact 4: 2 risks\">2</a>"));
        TestSupport.session("auditor").request().get("/risks?status=ACTIVE&orgUnit=Heat unit&inherent=4x4").then()
                .body(containsString("heat one")).body(containsString("heat two")).body(not(containsString("heat retired")));
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
