package org.opregister.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * While the database is unavailable every entry point answers the application's own 503 (a page for browsers, the
 * API's JSON for integrations), whether the failure comes while signing in, while restoring a session or inside a
 * page, and the application recovers by itself once the database is back. The database really goes away: the
 * application reaches it through a relay that the test cuts.
 */
@QuarkusTest
@WithTestResource(DatabaseOutage.class)
class DatabaseOutageTest {

    @AfterEach
    void databaseBack() {
        DatabaseOutage.restore();
    }

    @Test
    void everyEntryPointAnswers503AndTheApplicationRecovers() {
        Session officer = TestSupport.login("officer");
        officer.request().get("/incidents").then().statusCode(200);

        DatabaseOutage.cut();

        assertUnavailablePage(officer.request().get("/incidents"));
        assertUnavailablePage(officer.request().get("/"));
        assertUnavailableJson(officer.request().get("/api/incidents"));
        assertUnavailableJson(given().auth().preemptive().basic("manager", "demo").get("/api/incidents"));
        assertUnavailableJson(officer.request().accept(ContentType.JSON).get("/incidents"));

        Response signIn = given().redirects().follow(false).formParam("j_username", "manager")
                .formParam("j_password", "demo").post("/j_security_check");
        assertUnavailablePage(signIn);
        assertNull(signIn.getCookie("oprisk-sid"), "no session without the database");

        // What the error page needs still loads: the login page and the styles, also for a signed-in browser.
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        officer.request().get("/css/app.css").then().statusCode(200);
        officer.request().get("/webjars/bootstrap/dist/css/bootstrap.min.css").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503);

        DatabaseOutage.restore();

        awaitStatus(officer, "/incidents", 200);
        officer.request().get("/api/incidents").then().statusCode(200);
        TestSupport.login("manager").request().get("/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anOutageThatStartsInsideAPageAnswersTheSame() {
        Session officer = TestSupport.login("officer");
        assertUnavailablePage(officer.request().get("/test-only/outage-probe"));
        DatabaseOutage.restore();

        awaitStatus(officer, "/", 200);
        assertUnavailableJson(officer.request().accept(ContentType.JSON).get("/test-only/outage-probe"));
    }

    private static void assertUnavailablePage(Response response) {
        response.then().statusCode(503)
                .contentType(ContentType.HTML)
                .header("Retry-After", notNullValue())
                .body(containsString("The database is unavailable, try again in a moment"))
                .body(containsString("href=\"/css/app.css\""))
                .body(not(containsString("navbar")))
                .body(not(containsString("Exception")));
    }

    private static void assertUnavailableJson(Response response) {
        response.then().statusCode(503)
                .contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("message", containsString("The database is unavailable"))
                .body("errors", anEmptyMap());
    }

    /**
     * The application reconnects by itself; allow the pool a few seconds to replace its broken connections, during
     * which a request may still answer 503, never anything else.
     */
    private static void awaitStatus(Session session, String path, int status) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = session.request().get(path).statusCode();
            if (last == status) {
                return;
            }
            if (last != 503) {
                fail(path + " answered " + last + " while the database came back");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(path + " still answers " + last + " after the database came back");
    }
}
