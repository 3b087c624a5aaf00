package org.opregister.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

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

    static final String INCIDENTS = "incidents";
    static final String LOSSES = "losses";

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

    /** Keeps the bytes as that file of the job (in pieces, {@link FileChunks}). */
    static void store(long jobId, String part, byte[] data) {
        ImportFile file = new ImportFile();
        file.jobId = jobId;
        file.part = part;
        file.persist();
        file.flush();
        FileChunks.write(jobId, part, new ByteArrayInputStream(data));
    }

    /** The bytes of that file of the job, or null when it has none. */
    static byte[] read(long jobId, String part) {
        if (find("jobId = ?1 and part = ?2", jobId, part).firstResult() == null) {
            return null;
        }
        try (InputStream in = FileChunks.read(jobId, part)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
