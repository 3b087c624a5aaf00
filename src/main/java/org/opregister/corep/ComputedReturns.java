package org.opregister.corep;

import java.lang.ref.SoftReference;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.corep.ReturnInput.Rule;

/**
 * The returns last computed, each with the audit chain's head it was computed at ({@code AuditEntry.headId}): every
 * committed change of the ledger, an incident, an entity or a rate moves the head, so a return kept for the head
 * read now is the return the data gives now. The head is read in the snapshot of the request, before its data, so a
 * return is never kept under a head newer than its data. Each instance keeps its own; a few returns (reference date,
 * entity, rule), softly held, so they go before the heap runs short.
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

    private record Kept(long head, SoftReference<Computed> computed) {
    }

    private final Map<Key, Kept> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** The return computed at that head, or null. */
    synchronized Computed at(Key key, long head) {
        Kept entry = kept.get(key);
        return entry == null || entry.head != head ? null : entry.computed.get();
    }

    /** Keeps a return computed at that head, unless one computed at a later head is kept already. */
    synchronized void keep(Key key, long head, Computed computed) {
        Kept entry = kept.get(key);
        if (entry == null || entry.head <= head) {
            kept.put(key, new Kept(head, new SoftReference<>(computed)));
        }
    }

    /** How many returns are kept (tests). */
    synchronized int size() {
        return kept.size();
    }
}
