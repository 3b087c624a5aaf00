package org.opregister.incident;

/**
 * Which date the register's from/to filter reads: when the event occurred, when it was discovered, or when its loss
 * lines were booked (an event matches when any of its lines falls in the range: the accounting view that the SMA loss
 * component and COREP are built on).
 */
public enum DateBasis {
    OCCURRENCE, DISCOVERY, ACCOUNTING
}
