package org.opregister.incident;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.RuleViolationException;
import org.opregister.core.TrackedEntity;

/**
 * The loss ledger's period lock: lines booked on or before {@link #closedThrough} are read-only and no line can be
 * booked there any more, so that a return built from those periods can be built again with the same figures. One row,
 * created by the migration; a manager moves the date forward.
 */
@Entity
@Table(name = "ledger_lock")
public class LedgerLock extends TrackedEntity implements AuditSubject {

    static final long ID = 1L;

    @Id
    public Long id;

    @Column(name = "closed_through")
    public LocalDate closedThrough;

    public static LedgerLock current() {
        return findById(ID);
    }

    /** Whether a line may still be booked or changed on that accounting date. */
    public boolean open(LocalDate accountingDate) {
        return closedThrough == null || accountingDate.isAfter(closedThrough);
    }

    public void requireOpen(LocalDate accountingDate) {
        if (!open(accountingDate)) {
            throw new RuleViolationException("error.lineInLockedPeriod");
        }
    }

    @Override
    public String auditLabel() {
        return "Loss ledger lock";
    }
}
