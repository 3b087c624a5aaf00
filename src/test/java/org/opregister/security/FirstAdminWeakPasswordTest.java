package org.opregister.security;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The configured first administrator's password follows the same rules as any other. */
@QuarkusTest
@TestProfile(FirstAdminWeakPasswordTest.CommonPassword.class)
class FirstAdminWeakPasswordTest {

    public static class CommonPassword implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oprisk.demo-data", "false",
                    "oprisk.admin.username", "chief",
                    "oprisk.admin.password", "password1234");
        }
    }

    @Test
    void aCommonPasswordCreatesNoAdministrator() {
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> User.count()));
    }
}
