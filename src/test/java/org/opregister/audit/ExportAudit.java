package org.opregister.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;

import static org.junit.jupiter.api.Assertions.fail;

/** A download's line in the audit trail, written when the response ends: tests wait for it a little. */
public final class ExportAudit {

    private ExportAudit() {
    }

    /** The newest export entry with exactly these details, waiting up to five seconds for it. */
    public static AuditEntry await(String details) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            AuditEntry entry = QuarkusTransaction.requiringNew()
                    .call(() -> AuditEntry.<AuditEntry>find("action = ?1 and details = ?2 order by id desc",
                            AuditAction.EXPORT, details).firstResult());
            if (entry != null) {
                return entry;
            }
            Thread.sleep(100);
        }
        fail("no audit line " + details);
        return null;
    }
}
