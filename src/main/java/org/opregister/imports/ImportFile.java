package org.opregister.imports;

import java.io.InputStream;
import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.core.NotAudited;

/**
 * A file uploaded for an import, kept in the database (its bytes in {@link FileChunks}) so that whichever instance
 * runs the job reads it, and so that a dry run's files can be imported without uploading them again.
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

    /** Keeps what the stream holds as that file of the job (in pieces, {@link FileChunks}): answers its SHA-256. */
    static String store(long jobId, String part, InputStream data) {
        header(jobId, part);
        return FileChunks.write(jobId, part, data);
    }

    /** That file of the job, read as it is consumed, in the caller's transaction. */
    static InputStream open(long jobId, String part) {
        return FileChunks.read(jobId, part);
    }

    /** Keeps another job's file as this job's too, copied in the database. */
    static void copy(long fromJob, long toJob, String part) {
        header(toJob, part);
        FileChunks.copy(fromJob, toJob, part);
    }

    private static void header(long jobId, String part) {
        ImportFile file = new ImportFile();
        file.jobId = jobId;
        file.part = part;
        file.persist();
        file.flush();
    }
}
