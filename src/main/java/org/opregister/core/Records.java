package org.opregister.core;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.Panache;

/** Find-or-404 for every aggregate: the one way a request turns an id into a record. */
public final class Records {

    private Records() {
    }

    /** The record of that type with that id; {@link UnknownRecordException} (404) when there is none. */
    public static <T> T require(Class<T> type, Object id) {
        T found = id == null ? null : Panache.getEntityManager().find(type, id);
        if (found == null) {
            throw new UnknownRecordException(type, id);
        }
        return found;
    }

    /** The same, locked for the rest of the transaction (a workflow step that must not race another). */
    public static <T> T require(Class<T> type, Object id, LockModeType lock) {
        T found = id == null ? null : Panache.getEntityManager().find(type, id, lock);
        if (found == null) {
            throw new UnknownRecordException(type, id);
        }
        return found;
    }

    /** A record found by other means (a reference, a child of a parent); null is 404. */
    public static <T> T require(T found, Class<T> type, Object key) {
        if (found == null) {
            throw new UnknownRecordException(type, key);
        }
        return found;
    }
}
