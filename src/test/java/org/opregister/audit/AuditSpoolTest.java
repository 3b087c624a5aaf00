package org.opregister.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
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
 * A transaction that writes very many records (an import) keeps their audit entries in a spool file, not in memory,
 * and chains them at its commit in the order they were made; rolled back, it leaves no entry and no file.
 */
@QuarkusTest
class AuditSpoolTest {

    private Set<Path> othersSpoolFiles = Set.of();

    private static final int MANY = AuditInterceptor.SPOOL_AT * 2 + 500;

    @Inject
    ChainVerifier verifier;

    @Test
    void manyRecordsInOneTransactionAreSpooledThenChainedInTheirOrder() {
        long incident = IncidentFixtures.record(TestSupport.session("officer"), "Many remarks");
        long before = lastEntry();
        long[] spooledMidway = new long[1];
        QuarkusTransaction.requiringNew().run(() -> {
            addRemarks(incident);
            spooledMidway[0] = spooledBytes();
        });
        assertTrue(spooledMidway[0] > 0, "entries beyond " + AuditInterceptor.SPOOL_AT + " wait in a spool file");
        List<AuditEntry> written = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .<AuditEntry>list("id > ?1 and recordType = 'Comment' order by id", before));
        assertEquals(MANY, written.size());
        for (int i = 0; i < MANY; i += 997) {
            int n = i;
            assertTrue(written.get(i).changeList().stream().anyMatch(c -> ("remark " + n).equals(c.newValue())),
                    "entry " + i + " records remark " + i);
        }
        assertEquals(0, spooledBytes(), "the spool file is deleted at commit");
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
        assertEquals(0, spooledBytes(), "the spool file is deleted at rollback");
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

    /** The bytes in spool files now (other tests' transactions are done: only this one's can be there). */
    /**
     * The bytes of the spool files this test's transactions made: files left in the temporary folder by another
     * process (an app killed in the middle of a large transaction leaves its spool there) are not counted.
     */
    private long spooledBytes() {
        return spoolFiles().stream().filter(f -> !othersSpoolFiles.contains(f)).mapToLong(f -> {
            try {
                return Files.size(f);
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    @BeforeEach
    void noteOthersSpoolFiles() {
        othersSpoolFiles = spoolFiles();
    }

    private static Set<Path> spoolFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("oprisk-audit-"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastEntry() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find("order by id desc")
                .firstResult().id);
    }
}
