package org.opregister.audit;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.comment.Comment;
import org.opregister.comment.CommentKind;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction that writes very many records (an import) keeps their audit entries in {@code audit_pending}, not in
 * memory, and chains them at its commit in the order they were made; rolled back, it leaves nothing.
 */
@QuarkusTest
class AuditStagingTest {

    private static final int MANY = AuditInterceptor.STAGE_AT * 2 + 500;

    @Inject
    ChainVerifier verifier;

    @Test
    void manyRecordsInOneTransactionAreStagedThenChainedInTheirOrder() {
        long incident = IncidentFixtures.record(TestSupport.session("officer"), "Many remarks");
        long before = lastEntry();
        long[] stagedMidway = new long[1];
        QuarkusTransaction.requiringNew().run(() -> {
            addRemarks(incident);
            stagedMidway[0] = pending();
        });
        assertTrue(stagedMidway[0] >= AuditInterceptor.STAGE_AT * 2L,
                "entries beyond " + AuditInterceptor.STAGE_AT + " wait in the database: " + stagedMidway[0]);
        List<AuditEntry> written = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .<AuditEntry>list("id > ?1 and recordType = 'Comment' order by id", before));
        assertEquals(MANY, written.size());
        for (int i = 0; i < MANY; i += 997) {
            int n = i;
            assertTrue(written.get(i).changeList().stream().anyMatch(c -> ("remark " + n).equals(c.newValue())),
                    "entry " + i + " records remark " + i);
        }
        assertEquals(0, QuarkusTransaction.requiringNew().call(AuditStagingTest::pending));
        assertTrue(verifier.verify().intact());
    }

    @Test
    void aRolledBackTransactionLeavesNoEntryAndNothingStaged() {
        long incident = IncidentFixtures.record(TestSupport.session("officer"), "Remarks undone");
        long before = lastEntry();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            addRemarks(incident);
            throw new IllegalStateException("undo");
        }));
        assertEquals(before, lastEntry());
        assertEquals(0, QuarkusTransaction.requiringNew().call(AuditStagingTest::pending));
        assertTrue(verifier.verify().intact());
    }

    private static void addRemarks(long incidentId) {
        Incident incident = Incident.findById(incidentId);
        for (int i = 0; i < MANY; i++) {
            Comment.add(incident, CommentKind.COMMENT, "remark " + i);
            if (i % 100 == 99) {
                Incident.flush();
            }
        }
    }

    private static long pending() {
        return ((Number) Incident.getEntityManager().createNativeQuery("select count(*) from audit_pending")
                .getSingleResult()).longValue();
    }

    private static long lastEntry() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find("order by id desc")
                .firstResult().id);
    }
}
