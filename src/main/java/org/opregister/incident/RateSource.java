package org.opregister.incident;

/** Where a ledger line's FX rate came from; a manual rate carries its reason and is flagged on the line. */
public enum RateSource {
    /** The line is in the reporting currency: rate 1. */
    SAME_CURRENCY,
    /** The FX rate table's rate at the line's accounting date (the latest one on or before it). */
    RATE_TABLE,
    /** Typed by the user, with a reason. */
    MANUAL
}
