package org.opregister.reference;

/**
 * Fired (synchronously, inside the conversion's transaction) after every loss-ledger line was re-converted into the
 * new reporting currency by {@link LedgerConversion}: the incidents' loss totals, kept in the old currency until then,
 * must be summed again by whoever keeps them ({@code incident} observes this event).
 *
 * @param from
 *            the reporting currency the ledger was in (the lines' former {@code reporting_currency}; several are
 *            joined by commas)
 * @param to
 *            the reporting currency the lines are in now
 * @param lines
 *            how many lines were converted
 */
public record LedgerConverted(String from, String to, int lines) {
}
