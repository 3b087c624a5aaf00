package org.opregister.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The audit entries of one transaction that writes very many records (an import), kept in a temporary file until it
 * commits instead of in memory, in the order they were made. The entries are chained at commit from here
 * ({@link AuditWriter#append(AuditSpool, List)}); the file is deleted when the transaction ends, committed or not.
 * Nothing in it is needed after a crash: the transaction it belongs to dies with the process, and the file is
 * deleted later by {@link AbandonedSpools}.
 */
final class AuditSpool implements AutoCloseable {

    /** Takes the entries read back, in order. */
    interface Reader {

        void accept(StoredEntry entry) throws SQLException;
    }

    static final String PREFIX = "oprisk-audit-";
    static final String SUFFIX = ".spool";
    /**
     * The temporary folder, where {@link Files#createTempFile(String, String, java.nio.file.attribute.FileAttribute[])}
     * puts them.
     */
    static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path file;
    private DataOutputStream out;
    private long count;

    AuditSpool() {
        try {
            file = Files.createTempFile(FOLDER, PREFIX, SUFFIX);
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("audit spool could not be created", e);
        }
    }

    void add(List<AuditDraft> drafts) {
        try {
            for (AuditDraft draft : drafts) {
                StoredEntry.of(draft).write(out);
            }
            count += drafts.size();
        } catch (IOException e) {
            throw new UncheckedIOException("audit spool could not be written", e);
        }
    }

    long count() {
        return count;
    }

    void forEach(Reader reader) throws SQLException {
        try {
            out.close();
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                for (long i = 0; i < count; i++) {
                    reader.accept(StoredEntry.read(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit spool could not be read", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // Deleted below in any case.
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
