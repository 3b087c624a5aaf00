package org.opregister.core;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results computed from the records, each kept with the id of the audit trail's last entry about a record when its
 * data was read ({@code audit.AuditEntry.lastChangeId}): every commit that changes a record moves that id, so a result
 * kept for the id read now is the result the records give now. The caller reads the id before the data, so a result
 * is never kept under an id newer than its data. A result kept under an earlier id is served at a later one when
 * {@link Unchanged} says that none of the changes in between touched what it reads (a KRI value or an action plan
 * does not move a loss figure); it is then kept under the later id, and let go when something it reads changed. Each
 * instance keeps its own: a few results, the least recently read going first, softly held so that they go before the
 * heap runs short. Two requests that miss at once both compute.
 */
public class KeptUntilChange<K, V> {

    private record Kept<V>(long lastChange, SoftReference<V> value) {
    }

    /**
     * Whether the changes after one last change, up to a later one, left what the result of a key reads as it was.
     */
    @FunctionalInterface
    public interface Unchanged<K> {

        boolean between(K key, long kept, long now);
    }

    private final int capacity;
    private final Unchanged<K> unchanged;
    private final Map<K, Kept<V>> kept;

    public KeptUntilChange(int capacity, Unchanged<K> unchanged) {
        this.capacity = capacity;
        this.unchanged = unchanged;
        this.kept = new LinkedHashMap<>(capacity, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
                return size() > KeptUntilChange.this.capacity;
            }
        };
    }

    /**
     * The result for the records as they are when the last change is {@code lastChange}, or null: the one computed
     * then, or one computed earlier when nothing it reads changed since. Asks {@link Unchanged} outside the lock.
     */
    public V at(K key, long lastChange) {
        Kept<V> entry;
        synchronized (this) {
            entry = kept.get(key);
        }
        V value = entry == null || entry.lastChange > lastChange ? null : entry.value.get();
        if (value == null || entry.lastChange == lastChange) {
            return value;
        }
        if (!unchanged.between(key, entry.lastChange, lastChange)) {
            letGo(key, entry);
            return null;
        }
        keep(key, lastChange, value);
        return value;
    }

    /**
     * Keeps a result computed when the last change was {@code lastChange}, unless one computed later is kept already.
     */
    public synchronized void keep(K key, long lastChange, V value) {
        Kept<V> entry = kept.get(key);
        if (entry != null && entry.lastChange > lastChange) {
            return;
        }
        kept.put(key, new Kept<>(lastChange, new SoftReference<>(value)));
    }

    private synchronized void letGo(K key, Kept<V> stale) {
        kept.remove(key, stale);
    }

    /** How many results are kept. */
    public synchronized int size() {
        return kept.size();
    }

    public int capacity() {
        return capacity;
    }
}
