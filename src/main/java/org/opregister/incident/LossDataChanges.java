package org.opregister.incident;

import java.util.Set;

import org.opregister.audit.AuditEntry;
import org.opregister.reference.FxRate;
import org.opregister.reference.LegalEntity;

/**
 * The records the loss figures are computed from (the COREP returns, the losses page, the dashboard's loss panel):
 * the incidents with their classification, dates, flags, grouping and legal entity, their ledger lines (and the
 * events the lines carry, written with them), the legal entities (a return names them) and the FX rates. A change to
 * any other record (a KRI value, an assessment, an action plan, a comment, a user) cannot move a loss figure.
 */
public final class LossDataChanges {

    static final Set<String> RECORD_TYPES = Set.of(Incident.class.getSimpleName(), LossEntry.class.getSimpleName(),
            LegalEntity.class.getSimpleName(), FxRate.class.getSimpleName());

    private LossDataChanges() {
    }

    /** Whether no change after the last change {@code kept}, up to {@code now}, touched the loss data. */
    public static boolean noneBetween(long kept, long now) {
        return !AuditEntry.recordsChanged(kept, now, RECORD_TYPES);
    }
}
