package org.opregister.kri;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.kri.KriFixtures.define;
import static org.opregister.kri.KriFixtures.kriForm;
import static org.opregister.kri.KriFixtures.record;
import static org.opregister.kri.KriFixtures.value;

/** KRI thresholds, statuses, threshold history, uploads, breaches, exports and the API. */
@QuarkusTest
class KriTest {

    private static Session officer() {
        return TestSupport.session("officer");
    }

    @Test
    void thresholdsInconsistentWithTheDirectionAreRefused() {
        long before = QuarkusTransaction.requiringNew().call(() -> Kri.count());
        officer().post("/kris/new", "/kris", kriForm("Backwards worse", "HIGHER_IS_WORSE", "40", "20")).then()
                .statusCode(400)
                .body(containsString("the red limit must be above the green limit"))
                .body(containsString("value=\"Backwards worse\""));
        officer().post("/kris/new", "/kris", kriForm("Backwards better", "HIGHER_IS_BETTER", "80", "95")).then()
                .statusCode(400)
                .body(containsString("the red limit must be below the green limit"));
        officer().post("/kris/new", "/kris", kriForm("Equal limits", "HIGHER_IS_WORSE", "20", "20")).then()
                .statusCode(400);
        Map<String, Object> junk = kriForm("Junk", "SIDEWAYS", "abc", "");
        junk.put("frequency", "WEEKLY");
        officer().post("/kris/new", "/kris", junk).then().statusCode(400).body(containsString("Enter a number"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Kri.count()));
    }

    @Test
    void aThresholdChangeRatesLaterPeriodsAndLeavesPastStatusesAlone() {
        long kri = define(officer(), "Threshold history");
        record(officer(), kri, "2024-01", "30").then().statusCode(303);
        assertEquals(KriStatus.AMBER, value(kri, "2024-01").status);

        Map<String, Object> edit = kriForm("Threshold history", "HIGHER_IS_WORSE", "10", "25");
        edit.put("thresholdsFrom", "2024-03");
        edit.put("version", QuarkusTransaction.requiringNew().call(() -> Kri.<Kri>findById(kri).version));
        officer().post("/kris/" + kri + "/edit", "/kris/" + kri, edit).then().statusCode(303);

        assertEquals(KriStatus.AMBER, value(kri, "2024-01").status, "a past status is not rewritten");
        record(officer(), kri, "2024-02", "30").then().statusCode(303);
        assertEquals(KriStatus.AMBER, value(kri, "2024-02").status,
                "2024-02 is rated with the thresholds then in force");
        record(officer(), kri, "2024-03", "30").then().statusCode(303);
        KriValue march = value(kri, "2024-03");
        assertEquals(KriStatus.RED, march.status);
        assertEquals(0, new BigDecimal("25").compareTo(march.redLimit));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> KriThreshold.count("kri.id", kri)));
        officer().request().get("/kris/" + kri).then().statusCode(200).body(containsString("From 2024-03"));
    }

    @Test
    void valuesAreCheckedAndOnePerPeriod() {
        long kri = define(officer(), "One per period");
        record(officer(), kri, "2024-13", "1").then().statusCode(400).body(containsString("Enter a month as YYYY-MM"));
        record(officer(), kri, "2999-01", "1").then().statusCode(400).body(containsString("cannot be in the future"));
        record(officer(), kri, "2024-05", "1,5").then().statusCode(303);
        assertEquals(0, new BigDecimal("1.5").compareTo(value(kri, "2024-05").value));
        record(officer(), kri, "2024-05", "2").then().statusCode(400).body(containsString("already has a value"));
        TestSupport.session("auditor").post(KriFixtures.FORM_PAGE, "/kris/" + kri + "/values",
                Map.of("period", "2024-06", "value", "1")).then().statusCode(403);
        assertEquals(1, KriFixtures.valueCount(kri));

        Map<String, Object> toComputed = kriForm("One per period", "HIGHER_IS_WORSE", "20", "40");
        toComputed.put("source", "INCIDENT_COUNT");
        toComputed.put("valuesFrom", "2024-01");
        toComputed.put("version", QuarkusTransaction.requiringNew().call(() -> Kri.<Kri>findById(kri).version));
        officer().post("/kris/" + kri + "/edit", "/kris/" + kri, toComputed).then().statusCode(400)
                .body(containsString("cannot switch between typed and computed values"));
        assertEquals(0, new BigDecimal("1.5").compareTo(value(kri, "2024-05").value), "typed values are kept");
    }

    @Test
    void anUploadWithAnyBadRowStoresNothingAndNamesEveryBadLine() {
        long kri = define(officer(), "Uploaded KRI");
        record(officer(), kri, "2024-06", "5").then().statusCode(303);
        String bad = "period,value\n2024-01,10\n2024-13,10\n2024-02,ten\n2024-01,12\n2024-06,3\n2024-03\n";
        upload(kri, bad).then().statusCode(400)
                .body(containsString("Nothing was stored"))
                .body(containsString("Line 3:"))
                .body(containsString("Line 4:"))
                .body(containsString("Line 5:")).body(containsString("appears more than once"))
                .body(containsString("Line 6:")).body(containsString("already has a value"))
                .body(containsString("Line 7:")).body(containsString("two or three columns"));
        assertEquals(1, KriFixtures.valueCount(kri), "nothing stored from a file with a bad row");
        upload(kri, "").then().statusCode(400).body(containsString("holds no values"));
        officer().request().multiPart("file", "values.csv", "2024-01,10".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/kris/" + kri + "/values/upload").then().statusCode(400);
        assertEquals(1, KriFixtures.valueCount(kri), "an upload without the form's CSRF token is refused");
        upload(kri, "2024-01,10\n2024-02,45,spike after the migration\n2024-03,\"12.5\"\n").then().statusCode(303);
        assertEquals(4, KriFixtures.valueCount(kri));
        assertEquals(KriStatus.RED, value(kri, "2024-02").status);
        assertEquals("spike after the migration", value(kri, "2024-02").comment);
    }

    @Test
    void breachesOpenOnRedCloseOnRecoveryAndAreWithdrawnWhenCorrected() {
        long kri = define(officer(), "Breaching KRI");
        record(officer(), kri, "2024-01", "50").then().statusCode(303);
        record(officer(), kri, "2024-02", "60").then().statusCode(303);
        List<KriBreach> breaches = KriFixtures.breaches(kri);
        assertEquals(1, breaches.size(), "two red periods in a row are one breach");
        assertEquals(BreachStatus.OPEN, breaches.get(0).status);
        TestSupport.session("manager").request().get("/kris/breaches").then().statusCode(200)
                .body(containsString("Breaching KRI"))
                .body(containsString("/actions/new?breach=" + breaches.get(0).id));
        TestSupport.session("manager").request().get("/").then().statusCode(200)
                .body(containsString("open KRI breach")).body(containsString("href=\"/kris/breaches\""));

        record(officer(), kri, "2024-03", "10").then().statusCode(303);
        KriBreach closed = KriFixtures.breaches(kri).get(0);
        assertEquals(BreachStatus.CLOSED, closed.status);
        assertEquals(java.time.LocalDate.of(2024, 3, 1), closed.recoveredPeriod);

        record(officer(), kri, "2024-04", "41").then().statusCode(303);
        assertEquals(2, KriFixtures.breaches(kri).size());
        KriValue april = value(kri, "2024-04");
        officer().post(KriFixtures.FORM_PAGE, "/kris/" + kri + "/values/" + april.id,
                Map.of("value", "39", "version", april.version, "comment", "Typo: 39, not 41")).then().statusCode(303);
        KriBreach withdrawn = KriFixtures.breaches(kri).get(0);
        assertEquals(BreachStatus.WITHDRAWN, withdrawn.status);
        assertEquals(KriStatus.AMBER, value(kri, "2024-04").status);
        officer().post(KriFixtures.FORM_PAGE, "/kris/" + kri + "/values/" + april.id,
                Map.of("value", "1", "version", april.version)).then().statusCode(409)
                .body(containsString("Someone else saved"));
    }

    @Test
    void exportsAndApi() {
        long kri = define(officer(), "=Exported KRI");
        record(officer(), kri, "2024-01", "41").then().statusCode(303);
        String reference = QuarkusTransaction.requiringNew().call(() -> Kri.<Kri>findById(kri).reference);
        Session auditor = TestSupport.session("auditor");
        String values = auditor.request().get("/kris/values.csv?kri=" + reference).then().statusCode(200).extract()
                .asString();
        String[] lines = values.split("\r\n");
        assertEquals(2, lines.length, values);
        assertTrue(
                lines[1].startsWith(
                        reference + ",'=Exported KRI,2024-01,2024-01-01,41,%,RED,HIGHER_IS_WORSE,20,40,false"),
                lines[1]);
        String definitions = auditor.request().get("/kris/export.csv").then().statusCode(200).extract().asString();
        assertTrue(definitions.contains(reference + ",'=Exported KRI,%,MONTHLY,HIGHER_IS_WORSE,20,40,MANUAL"),
                definitions);
        auditor.request().get("/kris/values.csv?kri=NOPE").then().statusCode(400);

        officer().request().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON)
                .body("{\"period\":\"2024-02\",\"value\":\"10\"}").post("/api/kris/" + kri + "/values")
                .then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("GREEN"));
        officer().request().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON)
                .body("{\"period\":\"2024-02\",\"value\":\"10\"}").post("/api/kris/" + kri + "/values")
                .then().statusCode(400).body("errors.period", containsString("already has a value"));
        auditor.request().get("/api/kris/" + kri).then().statusCode(200)
                .body("latestPeriod", org.hamcrest.Matchers.equalTo("2024-02"))
                .body("direction", org.hamcrest.Matchers.equalTo("HIGHER_IS_WORSE"));
    }

    private static io.restassured.response.Response upload(long kri, String csv) {
        Session officer = officer();
        Csrf csrf = officer.csrf(KriFixtures.FORM_PAGE);
        return officer.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "values.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/kris/" + kri + "/values/upload");
    }
}
