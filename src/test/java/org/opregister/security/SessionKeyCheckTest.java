package org.opregister.security;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which session keys a start accepts. The packaged app is checked end to end by .ci/session-key.sh (the refusal is
 * one line at start, and no key reaches the log).
 */
class SessionKeyCheckTest {

    private static final String GENERATED = new SessionKeySource().getValue(SessionKeySource.PROPERTY);

    @Test
    void theGeneratedKeyIsLongRandomAndStableWithinAProcess() {
        assertEquals(44, GENERATED.length());
        assertEquals(GENERATED, new SessionKeySource().getValue(SessionKeySource.PROPERTY));
        assertEquals(Set.of(SessionKeySource.PROPERTY), new SessionKeySource().getPropertyNames());
    }

    @Test
    void withoutAConfiguredKeyOnlyADemoStartRuns() {
        assertEquals(Optional.empty(), SessionKeyCheck.problem(Optional.of(GENERATED), GENERATED, true));
        assertEquals(Optional.of(SessionKeyCheck.MISSING),
                SessionKeyCheck.problem(Optional.of(GENERATED), GENERATED, false));
    }

    @Test
    void anEmptyKeyIsRefusedEvenWithDemoData() {
        // Quarkus would make a temporary key of its own and log it.
        assertEquals(Optional.of(SessionKeyCheck.MISSING), SessionKeyCheck.problem(Optional.empty(), GENERATED, true));
        assertEquals(Optional.of(SessionKeyCheck.MISSING),
                SessionKeyCheck.problem(Optional.of("   "), GENERATED, true));
    }

    @Test
    void aConfiguredKeyNeedsSixteenCharacters() {
        String fifteen = "a-short-secret!";
        Optional<String> refused = SessionKeyCheck.problem(Optional.of(fifteen), GENERATED, false);
        assertEquals(Optional.of(SessionKeyCheck.TOO_SHORT), refused);
        assertFalse(refused.get().contains(fifteen));
        assertTrue(SessionKeyCheck.problem(Optional.of(fifteen + "x"), GENERATED, false).isEmpty());
        assertTrue(SessionKeyCheck.problem(Optional.of(fifteen + "x"), GENERATED, true).isEmpty());
    }

    @Test
    void theMessagesTellWhatToSet() {
        assertTrue(SessionKeyCheck.MISSING.contains("OPRISK_SESSION_KEY") && SessionKeyCheck.MISSING.contains("16"));
        assertTrue(
                SessionKeyCheck.TOO_SHORT.contains("OPRISK_SESSION_KEY") && SessionKeyCheck.TOO_SHORT.contains("16"));
        assertNotEquals(SessionKeyCheck.MISSING, SessionKeyCheck.TOO_SHORT);
    }
}
