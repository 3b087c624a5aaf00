package org.opregister.incident;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one import knows of the ledgers it writes, so that each record is written once: its loss file summed per
 * incident before the incidents are written (an incident the import creates is inserted with its totals, and each of
 * its lines with its event's gross and net loss), the incidents it created, and the events whose lines it could not
 * size. Without it every incident and every line would be inserted, then updated at the end (issue #18: a bank's
 * 100,000 incidents and 500,000 lines within five minutes on H2). The sums here are a head start, not the figures of
 * record: {@link IncidentImport#finish} compares every incident touched with its ledger summed in the database and
 * puts right, with its event's lines, any that differ.
 */
public final class ImportedLedgers {

    /** Ledgers summed by the name their lines give the incident (its key or the file's reference), until taken. */
    private final Map<String, LedgerTotals> byName = new HashMap<>();
    /** The root's and its members' totals, for each grouped event created by this import, by root id. */
    private final Map<Long, LedgerTotals> groupedEvents = new HashMap<>();
    private final Set<Long> created = new HashSet<>();
    private final Set<Long> stale = new HashSet<>();
    /** Whether the import wrote only new incidents and their lines (else every line's event is refreshed). */
    private boolean onlyCreations = true;

    void add(String name, LedgerTotals.Line line) {
        byName.compute(name, (key, totals) -> (totals == null ? LedgerTotals.NONE : totals).plus(line));
    }

    /** The file's reference of an incident names the incident its key names: its lines are summed under the key. */
    public void alias(String reference, String key) {
        if (!reference.equals(key)) {
            LedgerTotals summed = byName.remove(reference);
            if (summed != null) {
                byName.merge(key, summed, LedgerTotals::plus);
            }
        }
    }

    /** Whether this import created that incident (so it has no line of its own to look for yet). */
    public boolean createdHere(long incidentId) {
        return created.contains(incidentId);
    }

    LedgerTotals take(String key) {
        LedgerTotals summed = byName.remove(key);
        return summed != null ? summed : LedgerTotals.NONE;
    }

    /** A new incident, persisted with its ledger's totals: its event's figures grow by them. */
    void created(Incident incident, LedgerTotals ledger) {
        created.add(incident.id);
        Incident root = incident.rootEvent;
        if (root == null) {
            return;
        }
        if (!created.contains(root.id)) {
            stale.add(root.id);
            return;
        }
        groupedEvents.compute(root.id, (id, event) -> (event == null ? totalsOf(root) : event).plus(ledger));
    }

    /** The import changed something else than new incidents' own records. */
    void changedExisting() {
        onlyCreations = false;
    }

    /** The event of an incident created here, sized by what the import summed. */
    LineEvent eventOf(Incident incident) {
        Incident root = incident.rootEvent != null ? incident.rootEvent : incident;
        LedgerTotals event = groupedEvents.get(root.id);
        return event == null
                ? LineEvent.of(incident)
                : LineEvent.of(incident, event.gross(), event.net());
    }

    /** An event whose lines hold figures that are not its own: refreshed at the end. */
    void stale(long rootId) {
        stale.add(rootId);
    }

    Set<Long> staleEvents() {
        return stale;
    }

    boolean onlyCreations() {
        return onlyCreations;
    }

    private static LedgerTotals totalsOf(Incident incident) {
        return new LedgerTotals(incident.grossLoss, incident.recoveries, incident.expectedRecoveries,
                incident.provisions);
    }
}
