package org.opregister.corep;

import java.lang.ref.SoftReference;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.corep.ReturnInput.Rule;

/**
 * The returns last computed, each with the id of the audit trail's last entry about a record when its data was read
 * ({@code AuditEntry.lastChangeId}): every commit that changes a ledger line, an incident, an entity or a rate moves
 * it, so a return kept for the id read now is the return the records give now. The id is read first in the request's
 * snapshot, so a return is never kept under an id newer than its data. Once a later id is seen, returns kept under
 * earlier ones can no longer be served and are let go. Each instance keeps its own: a few returns (reference date,
 * entity, rule), softly held, so they go before the heap runs short. Two requests that miss at once both compute.
 */
@ApplicationScoped
public class ComputedReturns {

    static final int KEPT = 8;

    /** Which return: the rule holds the threshold, the currency, the EUR rate and its date. */
    record Key(LocalDate referenceDate, String entityCode, Rule rule) {
    }

    /** What the computation gives: the figures, the data's hash and how many ledger lines it read. */
    record Computed(C17Return result, String hash, long lines) {
    }

    private record Kept(long lastChange, SoftReference<Computed> computed) {
    }

    private final Map<Key, Kept> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** The return computed when the last change was {@code lastChange}, or null. */
    synchronized Computed at(Key key, long lastChange) {
        Kept entry = kept.get(key);
        return entry == null || entry.lastChange != lastChange ? null : entry.computed.get();
    }

    /**
     * Keeps a return computed when the last change was {@code lastChange}, unless one computed later is kept already;
     * lets go of those computed before it, which no later read can be served.
     */
    synchronized void keep(Key key, long lastChange, Computed computed) {
        Kept entry = kept.get(key);
        if (entry != null && entry.lastChange > lastChange) {
            return;
        }
        kept.values().removeIf(other -> other.lastChange < lastChange);
        kept.put(key, new Kept(lastChange, new SoftReference<>(computed)));
    }

    /** How many returns are kept (tests). */
    synchronized int size() {
        return kept.size();
    }
}
