package org.opregister.security;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which Origin and Sec-Fetch-Site headers a sign-in may carry. */
class SignInOriginRulesTest {

    private static final String OWN = "http://localhost:8081";

    @Test
    void theRequestsOwnOriginPassesWhateverItsSpelling() {
        assertNull(SignInOrigin.refusal(OWN, null, OWN, Set.of()));
        assertNull(SignInOrigin.refusal("HTTP://LocalHost:8081", "same-origin", OWN, Set.of()));
        assertNull(SignInOrigin.refusal("https://risk.example.com", null, "https://risk.example.com:443", Set.of()));
        assertNull(SignInOrigin.refusal("http://risk.example.com:80", null, "http://risk.example.com", Set.of()));
    }

    @Test
    void withoutEitherHeaderASignInPasses() {
        assertNull(SignInOrigin.refusal(null, null, OWN, Set.of()));
        assertNull(SignInOrigin.refusal(null, "none", OWN, Set.of()));
    }

    @Test
    void anotherOriginIsRefusedUnlessConfigured() {
        assertEquals("Origin: http://evil.example", SignInOrigin.refusal("http://evil.example", null, OWN, Set.of()));
        assertEquals("Origin: http://localhost:8082",
                SignInOrigin.refusal("http://localhost:8082", null, OWN, Set.of()));
        assertEquals("Origin: null", SignInOrigin.refusal("null", null, OWN, Set.of()));
        assertEquals("Origin: javascript:alert(1)", SignInOrigin.refusal("javascript:alert(1)", null, OWN, Set.of()));
        assertEquals("Origin: http://localhost:8081", SignInOrigin.refusal(OWN, null, null, Set.of()));

        // Behind a proxy the browser's origin is the public address, which the application cannot see itself.
        Set<String> allowed = Set.of(SignInOrigin.normalize("https://risk.example.com"));
        assertNull(SignInOrigin.refusal("https://risk.example.com", null, OWN, allowed));
        assertNull(SignInOrigin.refusal("https://risk.example.com:443", null, OWN, allowed));
        assertEquals("Origin: http://risk.example.com",
                SignInOrigin.refusal("http://risk.example.com", null, OWN, allowed));
    }

    @Test
    void aCrossSiteOrSameSiteFetchIsRefusedEvenFromAnAllowedOrigin() {
        assertEquals("Sec-Fetch-Site: cross-site", SignInOrigin.refusal(null, "cross-site", OWN, Set.of()));
        assertEquals("Sec-Fetch-Site: same-site", SignInOrigin.refusal(OWN, "same-site", OWN, Set.of()));
    }
}
