package org.opregister.dora;

/** A proposal of recurring incidents (2024/1772 Art. 8(2)): proposed by the monthly job, then decided by a manager. */
public enum RecurringStatus {
    PROPOSED, CONFIRMED, DISMISSED
}
