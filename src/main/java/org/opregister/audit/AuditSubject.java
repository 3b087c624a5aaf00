package org.opregister.audit;

/**
 * Optional for audited entities: a label people recognise (a reference, a username) and, for parts of an
 * aggregate, the record whose History tab shows their changes. Entities that do not implement it are
 * audited all the same, by type and id.
 */
public interface AuditSubject {

    String auditLabel();

    /** The aggregate root this record belongs to, or null. */
    default Object auditParent() {
        return null;
    }

    /** What the record is called beside its label (a title, a name), or null. */
    default String auditTitle() {
        return null;
    }

    /** The page that shows the record, or null: a part is shown on its parent's page. */
    default String auditPath() {
        return null;
    }
}
