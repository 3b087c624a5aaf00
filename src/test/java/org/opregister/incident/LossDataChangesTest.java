package org.opregister.incident;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which changes leave the figures that read the ledger lines booked up to a day (a C 17 return of that reference
 * date): only a line booked or removed after it, an incident's ledger totals and a new incident.
 */
class LossDataChangesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    private static AuditEntry entry(String type, AuditAction action, String changes) {
        AuditEntry entry = new AuditEntry();
        entry.recordType = type;
        entry.action = action;
        entry.changes = changes;
        return entry;
    }

    private static String booked(String date) {
        return "[{\"field\":\"type\",\"type\":\"LossType\",\"oldValue\":null,\"newValue\":\"DIRECT_CHARGE\"},"
                + "{\"field\":\"accountingDate\",\"type\":null,\"oldValue\":null,\"newValue\":\"" + date + "\"}]";
    }

    private static String removed(String date) {
        return "[{\"field\":\"accountingDate\",\"type\":null,\"oldValue\":\"" + date + "\",\"newValue\":null}]";
    }

    @Test
    void aLineBookedOrRemovedAfterTheDayLeavesTheFigures() {
        assertTrue(LossDataChanges.leaves(entry("LossEntry", AuditAction.CREATE, booked("2025-07-01")), DAY));
        assertTrue(LossDataChanges.leaves(entry("LossEntry", AuditAction.DELETE, removed("2026-01-15")), DAY));
    }

    @Test
    void aLineBookedOrRemovedOnOrBeforeTheDayCounts() {
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.CREATE, booked("2025-06-30")), DAY),
                "the reference date itself is read");
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.CREATE, booked("2024-12-31")), DAY));
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.DELETE, removed("2025-06-30")), DAY));
    }

    @Test
    void anEditedLineOrOneWhoseDateIsNotRecordedCounts() {
        String later = "[{\"field\":\"accountingDate\",\"type\":null,\"oldValue\":\"2025-07-01\","
                + "\"newValue\":\"2025-08-01\"}]";
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.UPDATE, later), DAY),
                "an edit names what changed, not always the date");
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.UPDATE, null), DAY),
                "the ledger conversion records no fields");
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.CREATE,
                "[{\"field\":\"amount\",\"type\":null,\"oldValue\":null,\"newValue\":\"10.00\"}]"), DAY));
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.CREATE, booked("30/07/2025")), DAY));
        assertFalse(LossDataChanges.leaves(entry("LossEntry", AuditAction.CREATE, "not json"), DAY));
    }

    @Test
    void anIncidentsLedgerTotalsOrANewIncidentLeaveTheFigures() {
        assertTrue(LossDataChanges.leaves(entry("Incident", AuditAction.CREATE, "[]"), DAY));
        assertTrue(LossDataChanges.leaves(entry("Incident", AuditAction.UPDATE,
                "[{\"field\":\"grossLoss\",\"type\":null,\"oldValue\":\"0.00\",\"newValue\":\"10.00\"},"
                        + "{\"field\":\"netLoss\",\"type\":null,\"oldValue\":\"0.00\",\"newValue\":\"10.00\"}]"),
                DAY));
        assertTrue(LossDataChanges.leaves(entry("Incident", AuditAction.UPDATE,
                "[{\"field\":\"grossLoss\",\"type\":null,\"oldValue\":\"0.00\",\"newValue\":\"10.00\"},"
                        + "{\"field\":\"$$_hibernate_compositeOwners\",\"type\":null,\"oldValue\":null,"
                        + "\"newValue\":\"org.hibernate.bytecode.enhance.internal.tracker.CompositeOwnerTracker@1\"}]"),
                DAY), "as written until 2 December 2026: the enhancer's tracker is not a field of the incident");
    }

    @Test
    void anyOtherChangeToTheLossDataCounts() {
        assertFalse(LossDataChanges.leaves(entry("Incident", AuditAction.UPDATE,
                "[{\"field\":\"grossLoss\",\"type\":null,\"oldValue\":\"0.00\",\"newValue\":\"10.00\"},"
                        + "{\"field\":\"title\",\"type\":null,\"oldValue\":\"A\",\"newValue\":\"B\"}]"),
                DAY), "a title is part of C 17.02");
        assertFalse(LossDataChanges.leaves(entry("Incident", AuditAction.UPDATE, "[]"), DAY));
        assertFalse(LossDataChanges.leaves(entry("Incident", AuditAction.DELETE, "[]"), DAY));
        assertFalse(LossDataChanges.leaves(entry("LegalEntity", AuditAction.UPDATE,
                "[{\"field\":\"name\",\"type\":null,\"oldValue\":\"A\",\"newValue\":\"B\"}]"), DAY));
        assertFalse(LossDataChanges.leaves(entry("FxRate", AuditAction.CREATE, "[]"), DAY));
    }
}
