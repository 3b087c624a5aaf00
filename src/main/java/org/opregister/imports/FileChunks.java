package org.opregister.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The bytes of an uploaded file in {@code import_file_chunk}, in pieces of {@value #CHUNK} bytes (256 KB): written from
 * a stream
 * and read back as one, so that neither the upload nor the import holds a whole file in memory. Each piece is written
 * or read by one statement in the caller's transaction.
 */
final class FileChunks {

    static final int CHUNK = 1 << 18;

    private FileChunks() {
    }

    /** Writes what the stream holds as that file of the job; answers its SHA-256 (hex). */
    static String write(long jobId, String part, InputStream source) {
        EntityManager em = Panache.getEntityManager();
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(source, sha256)) {
            int seq = 0;
            byte[] piece;
            while ((piece = in.readNBytes(CHUNK)).length > 0) {
                em.createNativeQuery("insert into import_file_chunk (job_id, part, seq, data) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, jobId).setParameter(2, part).setParameter(3, seq++).setParameter(4, piece)
                        .executeUpdate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** That file of the job, read piece by piece (in the caller's transaction) as it is consumed. */
    static InputStream read(long jobId, String part) {
        return new InputStream() {

            private byte[] piece = new byte[0];
            private int at;
            private int seq;
            private boolean done;

            @Override
            public int read() {
                return fill() ? piece[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(length, piece.length - at);
                System.arraycopy(piece, at, into, offset, n);
                at += n;
                return n;
            }

            private boolean fill() {
                while (!done && at == piece.length) {
                    var rows = Panache.getEntityManager()
                            .createNativeQuery("select data from import_file_chunk where job_id = ?1 and part = ?2"
                                    + " and seq = ?3")
                            .setParameter(1, jobId).setParameter(2, part).setParameter(3, seq++).getResultList();
                    if (rows.isEmpty()) {
                        done = true;
                    } else {
                        piece = (byte[]) rows.get(0);
                        at = 0;
                    }
                }
                return !done;
            }
        };
    }

    /**
     * Copies that file of one job to another, in the database, a piece a statement (one statement for the whole file
     * would have H2 hold all of it in memory).
     */
    static void copy(long fromJob, long toJob, String part) {
        int copied;
        int seq = 0;
        do {
            copied = Panache.getEntityManager()
                    .createNativeQuery("insert into import_file_chunk (job_id, part, seq, data)"
                            + " select ?1, part, seq, data from import_file_chunk where job_id = ?2 and part = ?3"
                            + " and seq = ?4")
                    .setParameter(1, toJob).setParameter(2, fromJob).setParameter(3, part).setParameter(4, seq++)
                    .executeUpdate();
        } while (copied > 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
