package org.opregister.controltest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.risk.RiskFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Self-certification rounds: launch, answers by the named certifier, completeness, closing, export. */
@QuarkusTest
class AttestationTest {

    private static Session s(String user) {
        return TestSupport.session(user);
    }

    @Test
    void certifiersAnswerTheManagerSeesWhoHasNotAndClosesTheRound() {
        Map<String, Object> withAttester = RiskFixtures.controlForm("Attested control");
        withAttester.put("attester", "officer");
        String location = s("officer").post("/controls/new", "/controls", withAttester).then().statusCode(303)
                .extract().header("Location");
        long named = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long unnamed = RiskFixtures.control(s("officer"), "Unattested control");

        Map<String, Object> form = Map.of("title", "Key controls 2026", "periodStart", "2026-01-01", "periodEnd",
                "2026-12-31",
                "dueDate", LocalDate.now().plusDays(14).toString(), "controls", List.of(named, unnamed));
        s("officer").post("/account/password", "/attestations", form).then().statusCode(403);
        s("manager").post("/attestations/new", "/attestations", Map.of("title", "Nothing", "periodStart", "2026-01-01",
                "periodEnd", "2026-12-31", "dueDate", LocalDate.now().plusDays(14).toString())).then().statusCode(400)
                .body(containsString("Choose at least one control"));
        String campaignLocation = s("manager").post("/attestations/new", "/attestations", form).then().statusCode(303)
                .extract().header("Location");
        long campaign = Long.parseLong(campaignLocation.substring(campaignLocation.lastIndexOf('/') + 1));
        Attestation first = item(campaign, named);
        Attestation second = item(campaign, unnamed);
        assertEquals("officer", first.assignee);
        assertNull(second.assignee);

        answer(s("officer2"), campaign, first, "CERTIFIED", null).then().statusCode(409)
                .body(containsString("Only the certifier"));
        answer(s("officer"), campaign, first, "EXCEPTIONS", "").then().statusCode(400).body(containsString("required"));
        answer(s("officer"), campaign, first, "EXCEPTIONS", "Two late reviews in March").then().statusCode(303);
        s("manager").request().get("/attestations/" + campaign).then().statusCode(200)
                .body(containsString("1 of 2 answered")).body(containsString("Not answered"))
                .body(containsString("Two late reviews in March"));

        s("manager").post("/account/password", "/attestations/" + campaign + "/items/" + second.id + "/assign",
                Map.of("version", second.version, "assignee", "officer2")).then().statusCode(303);
        answer(s("officer2"), campaign, item(campaign, unnamed), "CERTIFIED", null).then().statusCode(303);

        long version = QuarkusTransaction.requiringNew()
                .call(() -> AttestationCampaign.<AttestationCampaign>findById(campaign).version);
        s("officer").post("/account/password", "/attestations/" + campaign + "/close", Map.of("version", version))
                .then().statusCode(403);
        s("manager").post("/account/password", "/attestations/" + campaign + "/close", Map.of("version", version))
                .then().statusCode(303);
        answer(s("officer"), campaign, item(campaign, named), "CERTIFIED", null).then().statusCode(409)
                .body(containsString("closed"));
        assertEquals(AttestationResponse.EXCEPTIONS, item(campaign, named).response, "answers are final after closing");

        String reference = QuarkusTransaction.requiringNew()
                .call(() -> AttestationCampaign.<AttestationCampaign>findById(campaign).reference);
        String csv = s("auditor").request().get("/attestations/export.csv?campaign=" + reference).then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(csv.contains(",EXCEPTIONS,Two late reviews in March,officer,"), csv);
    }

    private static io.restassured.response.Response answer(Session who, long campaign, Attestation item,
            String response,
            String comment) {
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("version", item.version);
        form.put("response", response);
        form.put("comment", comment);
        return who.post("/account/password", "/attestations/" + campaign + "/items/" + item.id, form);
    }

    private static Attestation item(long campaign, long control) {
        return QuarkusTransaction.requiringNew().call(() -> Attestation
                .<Attestation>find("campaign.id = ?1 and control.id = ?2", campaign, control).firstResult());
    }
}
