package org.opregister.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.core.AppClock;
import org.opregister.core.Records;
import org.opregister.core.RuleViolationException;

/** Queues imports: the files kept with the job, which {@link ImportRunner} then runs in the background. */
@ApplicationScoped
public class Imports {

    /** A dry run (or an import) of the incidents file and, when given, the loss-lines file. */
    @Transactional
    public ImportJob queue(String fileName, byte[] incidents, String linesName, byte[] lines, boolean dryRun,
            String username) {
        ImportJob job = new ImportJob();
        job.dryRun = dryRun;
        job.fileName = name(fileName);
        job.fileSha256 = sha256(incidents);
        if (lines != null) {
            job.linesFileName = name(linesName);
            job.linesSha256 = sha256(lines);
        }
        job.startedBy = username;
        job.queuedAt = AppClock.now();
        job.persist();
        ImportFile.of(job.id, ImportFile.INCIDENTS, incidents).persist();
        if (lines != null) {
            ImportFile.of(job.id, ImportFile.LOSSES, lines).persist();
        }
        return job;
    }

    /** The import of a dry run's files, once the dry run found nothing wrong (409 otherwise). */
    @Transactional
    public ImportJob importDryRun(long dryRunId, String username) {
        ImportJob dryRun = Records.require(ImportJob.class, dryRunId);
        if (!dryRun.importable()) {
            throw new RuleViolationException("imports.error.notImportable");
        }
        return queue(dryRun.fileName, ImportFile.read(dryRunId, ImportFile.INCIDENTS), dryRun.linesFileName,
                ImportFile.read(dryRunId, ImportFile.LOSSES), false, username);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
