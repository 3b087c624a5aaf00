package org.opregister.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JSON API at /api/incidents, with HTTP basic auth as integrations use it. */
@QuarkusTest
class IncidentApiTest {

    static Map<String, Object> body(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("severity", "LOW");
        body.put("eventCategory", "EXTERNAL_FRAUD");
        body.put("eventType", "SYSTEMS_SECURITY");
        body.put("businessLine", "RETAIL_BANKING");
        body.put("orgUnit", "Fraud Office");
        body.put("owner", "Head of Fraud");
        body.put("occurrenceDate", "2025-02-01");
        body.put("discoveryDate", "2025-02-02");
        body.put("causes", List.of("EXTERNAL"));
        body.put("nearMiss", true);
        return body;
    }

    @Test
    void createReadAndUpdate() {
        int id = given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON)
                .body(body("API incident"))
                .post("/api/incidents").then().statusCode(201)
                .header("Location", containsString("/api/incidents/"))
                .body("reference", startsWith("INC-"))
                .body("status", equalTo("DRAFT"))
                .body("nearMiss", equalTo(true))
                .extract().path("id");

        int version = given().auth().preemptive().basic("auditor", "demo").get("/api/incidents/" + id).then()
                .statusCode(200)
                .body("title", equalTo("API incident"))
                .body("losses", notNullValue())
                .extract().path("version");

        Map<String, Object> update = body("API incident renamed");
        update.put("version", version);
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(update)
                .put("/api/incidents/" + id).then().statusCode(200).body("title", equalTo("API incident renamed"));
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(update)
                .put("/api/incidents/" + id).then().statusCode(409).body("message", containsString("Someone else"));
    }

    @Test
    void controlCharactersAreRefusedWithAMessageAndLineBreaksKept() {
        long before = IncidentTestData.count();
        Map<String, Object> bad = body("Outage\u0000 of the payment hub");
        bad.put("description", "Line one\u0085");
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(bad)
                .post("/api/incidents").then().statusCode(400)
                .body("errors.title", containsString("not allowed"))
                .body("errors.description", containsString("not allowed"));
        assertEquals(before, IncidentTestData.count());
        Map<String, Object> good = body("Outage of the payment hub");
        good.put("description", "Line one\n\tline two");
        int id = given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(good)
                .post("/api/incidents").then().statusCode(201).extract().path("id");
        given().auth().preemptive().basic("auditor", "demo").get("/api/incidents/" + id).then().statusCode(200)
                .body("description", equalTo("Line one\n\tline two"));
    }

    @Test
    void badInputGets400NamingTheFields() {
        long before = IncidentTestData.count();
        Map<String, Object> bad = body("");
        bad.put("eventType", "SYSTEMS");
        bad.put("occurrenceDate", "9999-99-99");
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body(bad)
                .post("/api/incidents").then().statusCode(400)
                .body("errors", hasKey("title"))
                .body("errors", hasKey("eventType"))
                .body("errors.occurrenceDate", containsString("YYYY-MM-DD"));

        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body("{\"title\": ")
                .post("/api/incidents").then().statusCode(400).body("errors._form", containsString("not valid JSON"));
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON)
                .body("{\"title\": {\"a\": 1}}")
                .post("/api/incidents").then().statusCode(400).body("errors", hasKey("title"));
        given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON).body("")
                .post("/api/incidents").then().statusCode(400);
        assertEquals(before, IncidentTestData.count());

        given().auth().preemptive().basic("officer", "demo").get("/api/incidents?status=MAYBE").then().statusCode(400)
                .body("errors", hasKey("status"));
        given().auth().preemptive().basic("officer", "demo").get("/api/incidents/123456789").then().statusCode(404)
                .contentType(ContentType.JSON);
    }

    @Test
    void credentialsAndRolesAreEnforced() {
        given().get("/api/incidents").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("officer", "wrong").get("/api/incidents").then().statusCode(401);
        long before = IncidentTestData.count();
        given().auth().preemptive().basic("auditor", "demo").contentType(ContentType.JSON).body(body("Auditor tries"))
                .post("/api/incidents").then().statusCode(403);
        given().auth().preemptive().basic("admin", "demo").contentType(ContentType.JSON).body(body("Admin tries"))
                .post("/api/incidents").then().statusCode(403);
        assertEquals(before, IncidentTestData.count());
    }

    @Test
    void openApiDescribesTheApi() {
        given().auth().preemptive().basic("auditor", "demo").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/incidents"));
    }
}
