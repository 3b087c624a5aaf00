package org.opregister.risk;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.control.IncidentControl;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.risk.IncidentRisk;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incidents ↔ risks they materialised, incidents ↔ controls that failed: from either side, shown on both. */
@QuarkusTest
class IncidentLinksTest {

    @Test
    void linksFromTheIncidentSideShowOnTheRiskWithItsNetLoss() {
        Session officer = TestSupport.session("officer");
        long incident = IncidentFixtures.record(officer, "Linked incident");
        IncidentFixtures.addLoss(officer, incident,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "2500", "EUR", "1", "2025-03-31"));
        long risk = RiskFixtures.risk(officer, "Risk with losses");
        long control = RiskFixtures.control(officer, "Control that failed");

        officer.post("/incidents/" + incident, "/incidents/" + incident + "/risks", Map.of("risk", risk)).then()
                .statusCode(303);
        officer.post("/incidents/" + incident, "/incidents/" + incident + "/controls", Map.of("control", control))
                .then().statusCode(303);
        officer.request().get("/incidents/" + incident).then()
                .body(containsString("Risk with losses")).body(containsString("Control that failed"));
        officer.request().get("/risks/" + risk).then()
                .body(containsString("Linked incident")).body(containsString("2,500.00 EUR"));
        officer.request().get("/controls/" + control).then().body(containsString("Linked incident"));

        officer.post("/risks/" + risk, "/risks/" + risk + "/incidents/" + incident + "/unlink", Map.of()).then()
                .statusCode(303);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> IncidentRisk.count("risk.id", risk)));
    }

    @Test
    void thePickersOfferWhatIsNotLinkedYetAndOnlyToThoseWhoMayLink() {
        Session officer = TestSupport.session("officer");
        long incident = IncidentFixtures.record(officer, "Incident with pickers");
        long linked = RiskFixtures.risk(officer, "Risk already linked here");
        long free = RiskFixtures.risk(officer, "Risk still to link");
        long control = RiskFixtures.control(officer, "Control still to link");
        officer.post("/incidents/" + incident, "/incidents/" + incident + "/risks", Map.of("risk", linked)).then()
                .statusCode(303);

        String page = officer.request().get("/incidents/" + incident).then().statusCode(200).extract().asString();
        String riskPicker = page.substring(page.indexOf("id=\"f-risk\""), page.indexOf("</select>",
                page.indexOf("id=\"f-risk\"")));
        assertTrue(riskPicker.contains("value=\"" + free + "\""), riskPicker);
        assertFalse(riskPicker.contains("value=\"" + linked + "\""), riskPicker);
        String controlPicker = page.substring(page.indexOf("id=\"f-failed-control\""));
        assertTrue(controlPicker.contains("value=\"" + control + "\""));
        assertTrue(page.contains("id=\"f-ict-provider\""));

        TestSupport.session("auditor").request().get("/incidents/" + incident).then().statusCode(200)
                .body(containsString("Risk already linked here")).body(not(containsString("id=\"f-risk\"")))
                .body(not(containsString("id=\"f-failed-control\"")))
                .body(not(containsString("id=\"f-ict-provider\"")));
    }

    @Test
    void linksFromTheRiskAndControlSideTakeAReference() {
        Session officer = TestSupport.session("officer");
        long incident = IncidentFixtures.record(officer, "Found by reference");
        String reference = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findById(incident).reference);
        long risk = RiskFixtures.risk(officer, "Risk linked by reference");
        long control = RiskFixtures.control(officer, "Control linked by reference");
        officer.post("/risks/" + risk, "/risks/" + risk + "/incidents", Map.of("incident", reference)).then()
                .statusCode(303);
        officer.post("/controls/" + control, "/controls/" + control + "/incidents", Map.of("incident", reference))
                .then().statusCode(303);
        officer.request().get("/incidents/" + incident).then()
                .body(containsString("Risk linked by reference")).body(containsString("Control linked by reference"));
        officer.post("/risks/" + risk, "/risks/" + risk + "/incidents", Map.of("incident", "INC-1999-9999")).then()
                .statusCode(400).body(containsString("There is no incident with this reference"));
    }

    @Test
    void aClosedIncidentKeepsItsLinks() {
        Session officer = TestSupport.session("officer");
        long risk = RiskFixtures.risk(officer, "Risk of a closed incident");
        long closed = QuarkusTransaction.requiringNew().call(() -> Incident.findByReference("INC-2024-0719-01").id);
        officer.post("/risks/" + risk, "/risks/" + risk + "/incidents", Map.of("incident", "INC-2024-0719-01")).then()
                .statusCode(409).body(containsString("closed"));
        officer.post("/incidents/" + closed, "/incidents/" + closed + "/risks", Map.of("risk", risk)).then()
                .statusCode(409);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> IncidentRisk.count("risk.id", risk)));
    }

    @Test
    void theExampleOutageIsLinkedToItsRisksAndFailedControls() {
        long outage = QuarkusTransaction.requiringNew().call(() -> Incident.findByReference("INC-2024-0719-01").id);
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> IncidentRisk.count("incident.id", outage)));
        assertEquals(5, QuarkusTransaction.requiringNew().call(() -> IncidentControl.count("incident.id", outage)));
        long r1 = QuarkusTransaction.requiringNew()
                .call(() -> Risk.<Risk>find("title", "Vendor update causes mass outage")
                        .firstResult().id);
        TestSupport.session("auditor").request().get("/risks/" + r1).then()
                .body(containsString("INC-2024-0719-01")).body(containsString("641,500.00 EUR"));
    }
}
