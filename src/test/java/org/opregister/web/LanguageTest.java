package org.opregister.web;

import java.math.BigDecimal;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.incident.IncidentFixtures;
import org.opregister.security.User;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language of the pages: the browser's, the one picked on the sign-in page, the account's; dates and amounts
 * written and read in it; CSV downloads in either dialect.
 */
@QuarkusTest
class LanguageTest {

    @Test
    void theSignInPageFollowsTheBrowserAndThePickedLanguage() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"fr\">")).body(containsString("Se connecter"));
        given().header("Accept-Language", "de-DE").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
        Response picked = given().header("Accept-Language", "en-GB").get("/login?lang=fr");
        picked.then().statusCode(200).body(containsString("<html lang=\"fr\">"));
        assertEquals("fr", picked.getCookie("oprisk_lang"));
        given().header("Accept-Language", "en-GB").cookie("oprisk_lang", "fr").get("/login").then()
                .body(containsString("<html lang=\"fr\">"));
        // An unknown language on the link changes nothing.
        Response unknown = given().header("Accept-Language", "en-GB").get("/login?lang=xx");
        unknown.then().statusCode(200).body(containsString("<html lang=\"en\">"));
        assertEquals(null, unknown.getCookie("oprisk_lang"));
    }

    @Test
    void signedInPagesAndErrorPagesAreInFrench() {
        Session auditor = TestSupport.session("auditor").in("fr");
        auditor.request().get("/incidents").then().statusCode(200).body(containsString("<html lang=\"fr\">"))
                .body(not(containsString("??")));
        auditor.request().get("/incidents/999999999").then().statusCode(404).body(containsString("lang=\"fr\""));
        auditor.request().get("/incidents?q=zz-nothing-matches-zz").then().statusCode(200)
                .body(containsString("Aucune ligne"));
        auditor.request().get("/no-such-page").then().statusCode(404).body(containsString("lang=\"fr\""));
        // Figures inside formulas and labels followed by a colon are written the French way too.
        auditor.request().get("/reports/sma").then().statusCode(200).body(containsString("2,25\u00A0%"))
                .body(containsString("ln(1,7183 + "));
        TestSupport.session("manager").in("fr").request().get("/").then().statusCode(200)
                .body(containsString("\u00A0: "));
    }

    @Test
    void frenchAmountsAndDatesAreReadAndWritten() {
        Session officer = TestSupport.session("officer").in("fr");
        Map<String, Object> form = IncidentFixtures.incidentForm("Saisie en français");
        form.put("occurrenceDate", "19/07/2024");
        form.put("discoveryDate", "2024-07-19");
        long id = IncidentFixtures.record(officer, form);
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "641 500,00", "EUR", "1", "31/07/2024"));
        BigDecimal gross = QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.incident.Incident.<org.opregister.incident.Incident>findById(id).grossLoss);
        assertEquals(new BigDecimal("641500.00"), gross);
        String page = officer.request().get("/incidents/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("641\u202F500,00 EUR") || page.contains("641\u00A0500,00 EUR"), "French amount");
        assertTrue(page.contains("19/07/2024"), "French date");

        // A bad amount: the message in French, the input kept, nothing stored.
        Response bad = officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                IncidentFixtures.lossForm("DIRECT_CHARGE", "641.500,00", "EUR", "1", "31/07/2024"));
        bad.then().statusCode(400).body(containsString("Saisissez un nombre"))
                .body(containsString("value=\"641.500,00\""));
        // A date before the occurrence is refused with the occurrence date written the French way.
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                IncidentFixtures.lossForm("DIRECT_CHARGE", "10", "EUR", "1", "01/07/2024")).then().statusCode(400)
                .body(containsString("19/07/2024"));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> org.opregister.incident.LossEntry
                .count("incident.id", id)));
    }

    @Test
    void theAccountsLanguageWinsOverTheBrowsersAndCanBeReset() {
        String username = "langue" + System.nanoTime() % 100000;
        QuarkusTransaction.requiringNew().run(() -> User.create(username, "Camille Martin", "demo", "auditor")
                .persist());
        Session camille = TestSupport.login(username);
        camille.request().header("Accept-Language", "en").get("/account/language").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
        Response saved = camille.post("/account/language", "/account/language", Map.of("language", "fr"));
        saved.then().statusCode(303);
        assertEquals("fr", saved.getCookie("oprisk_lang"));
        assertEquals("fr", QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername(username).orElseThrow().locale));
        camille.request().header("Accept-Language", "en").get("/incidents").then()
                .body(containsString("<html lang=\"fr\">"));

        camille.post("/account/language", "/account/language", Map.of("language", "klingon")).then()
                .statusCode(400);
        assertEquals("fr", QuarkusTransaction.requiringNew()
                .call(() -> User.findByUsername(username).orElseThrow().locale));

        camille.post("/account/language", "/account/language", Map.of("language", "")).then().statusCode(303);
        camille.request().header("Accept-Language", "en").get("/incidents").then()
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void csvDownloadsComeInEitherDialect() {
        Session auditor = TestSupport.session("auditor");
        String standard = auditor.request().get("/losses/export.csv").then().statusCode(200).extract().asString();
        assertTrue(standard.lines().findFirst().orElseThrow().contains(","), standard);
        String semicolon = auditor.request().get("/losses/export.csv?sep=semicolon").then().statusCode(200)
                .extract().asString();
        String header = semicolon.lines().findFirst().orElseThrow();
        assertTrue(header.contains(";") && !header.contains(","), header);
        assertTrue(semicolon.lines().skip(1).anyMatch(l -> l.matches(".*;\\d+,\\d{2};.*")), "decimal commas");
        assertTrue(semicolon.lines().skip(1).anyMatch(l -> l.matches(".*;\\d{4}-\\d{2}-\\d{2};.*")), "dates stay ISO");

        Response chosen = auditor.post("/account/language", "/account/csv", Map.of("csv", "semicolon"));
        chosen.then().statusCode(303);
        assertEquals("semicolon", chosen.getCookie("oprisk_csv"));
        String byCookie = auditor.request().cookie("oprisk_csv", "semicolon").get("/incidents/export.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(byCookie.lines().findFirst().orElseThrow().contains(";"), byCookie);
    }
}
