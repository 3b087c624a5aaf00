package org.opregister.security;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Response headers, cookie flags and error pages. */
@QuarkusTest
class HardeningTest {

    @Test
    void securityHeadersOnEveryKindOfResponse() {
        List<Response> responses = List.of(
                given().get("/login"),
                given().redirects().follow(false).get("/incidents"),
                given().get("/css/app.css"),
                TestSupport.session("officer").request().get("/"),
                TestSupport.session("officer").request().get("/no/such/page"),
                TestSupport.session("officer").request().get("/incidents/export.csv"),
                given().get("/api/incidents"));
        for (Response response : responses) {
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"), "CSP: " + csp);
            response.then().header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void pagesCarryNoInlineScriptOrStyle() {
        for (String page : List.of("/", "/incidents", "/incidents/new", "/admin/users", "/audit")) {
            String user = page.startsWith("/admin") || page.startsWith("/audit") ? "admin" : "manager";
            TestSupport.session(user).request().get(page).then().statusCode(200)
                    .body(not(containsString("<script>")))
                    .body(not(containsString(" style=\"")))
                    .body(not(containsString(" onclick=")));
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        Cookie cookie = given().redirects().follow(false).formParam("j_username", "auditor")
                .formParam("j_password", "demo")
                .post("/j_security_check").detailedCookie("oprisk-session");
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertTrue("Lax".equalsIgnoreCase(cookie.getSameSite()) || "Strict".equalsIgnoreCase(cookie.getSameSite()),
                "SameSite: " + cookie.getSameSite());
    }

    @Test
    void errorPagesShowNoInternals() {
        for (String path : List.of("/incidents/99999999", "/incidents/%00", "/incidents/1/losses/abc/edit",
                "/nothing-here")) {
            String body = TestSupport.session("officer").request().get(path).then().statusCode(404).extract()
                    .asString();
            assertTrue(!body.contains("Exception") && !body.contains("at org.") && !body.contains("select "), path);
        }
        TestSupport.session("officer").request().contentType("text/plain").body("x").post("/incidents").then()
                .statusCode(415).body(not(containsString("Exception")));
        TestSupport.session("officer").request().delete("/incidents").then()
                .statusCode(405).body(not(containsString("Exception")));
    }
}
