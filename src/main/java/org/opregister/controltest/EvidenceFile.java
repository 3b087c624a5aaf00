package org.opregister.controltest;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.attachment.StoredFile;
import org.opregister.audit.AuditSubject;

/** A file of evidence for a control test: its name, the type found in its content, size and SHA-256. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends StoredFile implements AuditSubject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_file_seq")
    @SequenceGenerator(name = "evidence_file_seq", sequenceName = "evidence_file_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "test_id", nullable = false, updatable = false)
    public ControlTest test;

    @Override
    public String auditLabel() {
        return test.reference + " / " + fileName;
    }

    @Override
    public Object auditParent() {
        return test;
    }

    public static List<EvidenceFile> of(ControlTest test) {
        return list("test = ?1 order by createdAt, id", test);
    }
}
