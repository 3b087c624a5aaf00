package org.opregister.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The audit chain's hash: SHA-256 over length-prefixed fields, so no two different entries give the same text. */
class AuditHashTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");

    private static String hash(String recordLabel, String parentType, String previous) {
        return AuditHash.of(7, AT, "alice", "UPDATE", "Incident", "3", recordLabel, parentType, null, "{}", null,
                previous);
    }

    @Test
    void theGenesisIsSixtyFourZeros() {
        assertEquals(64, AuditHash.GENESIS.length());
        assertEquals("", AuditHash.GENESIS.replace("0", ""));
    }

    @Test
    void theHashIsAFixedLowerCaseSha256OfTheFields() {
        String hash = hash("INC-3", null, AuditHash.GENESIS);
        assertEquals(hash, hash("INC-3", null, AuditHash.GENESIS));
        assertEquals(64, hash.length());
        assertEquals("", hash.replaceAll("[0-9a-f]", ""));
    }

    @Test
    void everyFieldAndThePreviousHashCount() {
        String hash = hash("INC-3", null, AuditHash.GENESIS);
        assertNotEquals(hash, hash("INC-4", null, AuditHash.GENESIS));
        assertNotEquals(hash, hash("INC-3", null, hash));
        assertNotEquals(hash, AuditHash.of(7, AT.plusMillis(1), "alice", "UPDATE", "Incident", "3", "INC-3", null, null,
                "{}", null, AuditHash.GENESIS));
        assertNotEquals(hash, AuditHash.of(7, AT, "alice", "UPDATE", "Incident", "3", "INC-3", null, null, "{}", null,
                AuditHash.GENESIS, true));
    }

    @Test
    void nullEmptyAndShiftedTextDoNotCollide() {
        assertNotEquals(hash("", null, AuditHash.GENESIS), hash(null, null, AuditHash.GENESIS));
        assertNotEquals(hash("ab", "c", AuditHash.GENESIS), hash("a", "bc", AuditHash.GENESIS));
        assertNotEquals(hash("a|", "b", AuditHash.GENESIS), hash("a", "|b", AuditHash.GENESIS));
    }
}
