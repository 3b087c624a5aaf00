package org.opregister.attachment;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.opregister.audit.AuditSubject;
import org.opregister.core.UnknownRecordException;

/**
 * A file attached to an incident or an action plan (closure evidence, a report, a screenshot): checked, stored and
 * downloaded as control-test evidence is; its upload and removal are in the record's history.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends StoredFile implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    public Long id;

    @Column(name = "record_type", nullable = false, updatable = false, length = 40)
    public String recordType;

    @Column(name = "record_id", nullable = false, updatable = false)
    public long recordId;

    /** The record, while this file is being attached or removed: its History tab then shows the change. */
    @Transient
    Attachable record;

    /** The record's files, oldest first. */
    public static List<Attachment> of(Attachable record) {
        return list("recordType = ?1 and recordId = ?2 order by createdAt, id", record.attachmentRecordType(),
                record.attachmentRecordId());
    }

    /** One file of the record; 404 when there is none, or it belongs to another record. */
    public static Attachment of(Attachable record, long attachmentId) {
        Attachment found = findById(attachmentId);
        if (found == null || !found.recordType.equals(record.attachmentRecordType())
                || found.recordId != record.attachmentRecordId()) {
            throw new UnknownRecordException(Attachment.class, attachmentId);
        }
        found.record = record;
        return found;
    }

    @Override
    public String auditLabel() {
        return fileName;
    }

    @Override
    public Object auditParent() {
        return record;
    }
}
