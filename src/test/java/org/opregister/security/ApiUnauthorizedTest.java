package org.opregister.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Integrations that are not signed in get 401 with a Basic challenge and the API's JSON error body, whatever
 * credentials they sent: none, a wrong password, or the cookies of a session that has ended. Pages still send
 * the browser to the login page.
 */
@QuarkusTest
class ApiUnauthorizedTest {

    @Test
    void noCredentials() {
        assertSignInRequired(given().redirects().follow(false).get("/api/incidents"));
    }

    @Test
    void wrongBasicCredentials() {
        assertSignInRequired(given().redirects().follow(false).auth().preemptive().basic("officer", "wrong")
                .get("/api/incidents"));
        assertSignInRequired(given().redirects().follow(false).auth().preemptive().basic("nobody-at-all", "wrong")
                .get("/api/risks"));
    }

    @Test
    void cookiesOfASignedOutSession() {
        Session session = TestSupport.login("auditor");
        session.request().get("/api/incidents").then().statusCode(200);
        session.post("/", "/logout", Map.of()).then().statusCode(303);

        assertSignInRequired(session.request().get("/api/incidents"));
        assertSignInRequired(session.request().accept(ContentType.JSON).get("/api/controls"));
        session.request().get("/incidents").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aSessionCookieWithoutItsOpenSession() {
        Session session = TestSupport.login("auditor");
        Session forged = new Session("auditor", session.sessionCookie(), "0".repeat(64), null);

        assertSignInRequired(forged.request().get("/api/incidents"));
        forged.request().get("/").then().statusCode(302).header("Location", endsWith("/login"));
    }

    private static void assertSignInRequired(Response response) {
        response.then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .header("Location", nullValue())
                .contentType(ContentType.JSON)
                .body("status", equalTo(401))
                .body("message", containsString("Sign-in required"))
                .body("errors", anEmptyMap());
    }
}
