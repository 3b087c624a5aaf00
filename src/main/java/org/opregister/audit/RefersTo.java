package org.opregister.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field holding the id of a record whose kind another field gives (an action plan's source: an incident, a
 * risk ...): the trail shows that record by reference and title, as it does for a many-to-one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RefersTo {

    /** The field whose value, a {@link RecordKind}, says which kind of record the id is of. */
    String kindField();
}
