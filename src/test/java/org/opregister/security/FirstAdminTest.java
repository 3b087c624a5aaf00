package org.opregister.security;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport.Session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without demo data: the first administrator from configuration, and sessions that expire when idle. */
@QuarkusTest
@TestProfile(FirstAdminTest.Production.class)
class FirstAdminTest {

    public static class Production implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oprisk.demo-data", "false",
                    "oprisk.admin.username", "chief",
                    "oprisk.admin.password", "a long configured secret",
                    "quarkus.http.auth.form.timeout", "PT3S",
                    "quarkus.http.auth.form.new-cookie-interval", "PT1S");
        }
    }

    @Test
    void theConfiguredAdministratorExistsAndNoOtherAccount() {
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> User.count()));
        Session chief = UserAdminTest.signIn("chief", "a long configured secret");
        chief.request().get("/admin/users").then().statusCode(200).body(containsString("chief"));
    }

    @Test
    void idleSessionsExpire() throws InterruptedException {
        Session chief = UserAdminTest.signIn("chief", "a long configured secret");
        chief.request().get("/admin/users").then().statusCode(200);
        Thread.sleep(4500);
        chief.request().get("/admin/users").then().statusCode(302).header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200);
    }
}
