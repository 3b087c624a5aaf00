package org.opregister.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an entity: its changes are not written to the audit trail (the trail itself, counters, throttles).
 * On a field: the field is derived or bookkeeping and is left out of the field-by-field changes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface NotAudited {
}
