package org.opregister.seed;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.opregister.incident.Incident;
import org.opregister.security.User;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With demo data off, nothing is seeded and the login page names no demo account. */
@QuarkusTest
@TestProfile(DemoDataOffTest.DemoOff.class)
class DemoDataOffTest {

    public static class DemoOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oprisk.demo-data", "false");
        }
    }

    @Test
    void nothingIsSeeded() {
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> User.count()));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Incident.count()));
        given().get("/login").then().statusCode(200)
                .body(not(containsString("Demo accounts")))
                .body(not(containsString("<code>officer</code>")));
        given().redirects().follow(false).formParam("j_username", "officer").formParam("j_password", "demo")
                .post("/j_security_check").then().header("Location", containsString("error"));
    }
}
