package org.opregister.imports;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.opregister.core.NotAudited;

/**
 * The bytes of a file uploaded for an import, kept in the database so that whichever instance runs the job reads
 * them, and so that a dry run's files can be imported without uploading them again.
 */
@Entity
@NotAudited
@IdClass(ImportFile.Key.class)
@Table(name = "import_file")
public class ImportFile extends PanacheEntityBase {

    /** The job and which of its files. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public Long jobId;
        public String part;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(jobId, key.jobId)
                    && java.util.Objects.equals(part, key.part);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobId, part);
        }
    }

    @Id
    @Column(name = "job_id")
    public Long jobId;

    @Id
    @Column(length = 10)
    public String part;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] data;

    static ImportFile of(long jobId, String part, byte[] data) {
        ImportFile file = new ImportFile();
        file.jobId = jobId;
        file.part = part;
        file.data = data;
        return file;
    }

    /**
     * The bytes of that file of the job ({@link ImportPart#FILES}), or null when it has none: the one place where a
     * part's bytes are read.
     */
    static byte[] read(long jobId, String part) {
        ImportFile file = find("jobId = ?1 and part = ?2", jobId, part).firstResult();
        return file == null ? null : file.data;
    }
}
