package org.opregister.audit;

/** One field of one record: old and new value as text, and the enum type when the values are enum codes. */
public record FieldChange(String field, String type, String oldValue, String newValue) {
}
