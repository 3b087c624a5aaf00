package org.opregister.core;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results computed from the records, each kept with the id of the audit trail's last entry about a record when its
 * data was read ({@code audit.AuditEntry.lastChangeId}): every commit that changes a record moves that id, so a result
 * kept for the id read now is the result the records give now. The caller reads the id before the data, so a result
 * is never kept under an id newer than its data. Once a later id is seen, results kept under earlier ones can no
 * longer be served and are let go. Each instance keeps its own: a few results, the least recently read going first,
 * softly held so that they go before the heap runs short. Two requests that miss at once both compute.
 */
public class KeptUntilChange<K, V> {

    private record Kept<V>(long lastChange, SoftReference<V> value) {
    }

    private final int capacity;
    private final Map<K, Kept<V>> kept;

    public KeptUntilChange(int capacity) {
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(capacity, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
                return size() > KeptUntilChange.this.capacity;
            }
        };
    }

    /** The result computed when the last change was {@code lastChange}, or null. */
    public synchronized V at(K key, long lastChange) {
        Kept<V> entry = kept.get(key);
        return entry == null || entry.lastChange != lastChange ? null : entry.value.get();
    }

    /**
     * Keeps a result computed when the last change was {@code lastChange}, unless one computed later is kept already;
     * lets go of those computed before it, which no later read can be served.
     */
    public synchronized void keep(K key, long lastChange, V value) {
        Kept<V> entry = kept.get(key);
        if (entry != null && entry.lastChange > lastChange) {
            return;
        }
        kept.values().removeIf(other -> other.lastChange < lastChange);
        kept.put(key, new Kept<>(lastChange, new SoftReference<>(value)));
    }

    /** How many results are kept. */
    public synchronized int size() {
        return kept.size();
    }

    public int capacity() {
        return capacity;
    }
}
