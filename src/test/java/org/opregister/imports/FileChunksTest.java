package org.opregister.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.attachment.StoredFiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An uploaded file kept in pieces reads back byte for byte, across pieces, and copies to another job whole. */
@QuarkusTest
class FileChunksTest {

    @Test
    void aFileOfSeveralPiecesReadsBackWholeAndCopiesWhole() {
        byte[] data = new byte[FileChunks.CHUNK * 2 + 12_345];
        new Random(19).nextBytes(data);
        long[] jobs = QuarkusTransaction.requiringNew().call(() -> new long[]{job().id, job().id});
        String sha256 = QuarkusTransaction.requiringNew()
                .call(() -> ImportFile.store(jobs[0], ImportPart.INCIDENTS, new ByteArrayInputStream(data)));
        assertEquals(StoredFiles.sha256(data), sha256);
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> ((Number) ImportFile.getEntityManager()
                .createNativeQuery("select count(*) from import_file_chunk where job_id = ?1")
                .setParameter(1, jobs[0]).getSingleResult()).longValue()), "three pieces");
        assertArrayEquals(data, QuarkusTransaction.requiringNew()
                .call(() -> readAll(ImportFile.open(jobs[0], ImportPart.INCIDENTS))));
        QuarkusTransaction.requiringNew().run(() -> ImportFile.copy(jobs[0], jobs[1], ImportPart.INCIDENTS));
        assertArrayEquals(data, QuarkusTransaction.requiringNew()
                .call(() -> readAll(ImportFile.open(jobs[1], ImportPart.INCIDENTS))));
    }

    @Test
    void aPartWithoutAFileReadsEmpty() {
        long job = QuarkusTransaction.requiringNew().call(() -> job().id);
        assertEquals(0, QuarkusTransaction.requiringNew()
                .call(() -> readAll(ImportFile.open(job, ImportPart.LOSSES))).length);
    }

    private static ImportJob job() {
        ImportJob job = new ImportJob();
        job.startedBy = "manager";
        job.queuedAt = Instant.now();
        job.dryRun = true;
        job.persist();
        return job;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
