package org.opregister.audit;

import java.util.List;

/**
 * An audit entry ready to show: the record it is about and the records its changes refer to are resolved to
 * references, titles and links. A link between two records reads as one sentence ("Linked control CTL-0005 ...").
 */
public record AuditLine(AuditEntry entry, RecordRef record, String linkText, RecordRef linked, List<Change> changes) {

    public boolean isLink() {
        return linked != null;
    }

    /** One changed field: its label, the values before and after in words, and the records they name, if any. */
    public record Change(String label, String before, String after, RecordRef beforeRecord, RecordRef afterRecord) {
    }
}
