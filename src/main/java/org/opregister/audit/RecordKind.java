package org.opregister.audit;

/** A kind of record a {@link RefersTo} id may be of: names the entity. */
public interface RecordKind {

    Class<?> recordClass();
}
