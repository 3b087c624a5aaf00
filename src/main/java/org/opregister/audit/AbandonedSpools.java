package org.opregister.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.opregister.core.LongTransactions;

/**
 * Deletes the audit spool files of processes that died in the middle of a large transaction (killed, out of
 * memory, power lost): such a file is never deleted by its transaction, and an interrupted import can leave hundreds
 * of megabytes in the temporary folder. A file is taken as abandoned when it was last written longer ago than the
 * longest transaction may last ({@link #ABANDONED_AFTER}, twice the longest timeout the application sets): a live
 * transaction's file is younger than that, so instances sharing the folder never delete one another's live files.
 */
@ApplicationScoped
public class AbandonedSpools {

    private static final Logger LOG = Logger.getLogger(AbandonedSpools.class);

    /** Twice the longest transaction timeout of the application (an import, a download). */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(2L * LongTransactions.TIMEOUT_SECONDS);

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteOlderThan(AuditSpool.FOLDER, Instant.now().minus(ABANDONED_AFTER));
    }

    /** Deletes the spool files in a folder last written before a moment; answers how many it deleted. */
    static int deleteOlderThan(Path folder, Instant before) {
        int deleted = 0;
        long bytes = 0;
        try (DirectoryStream<Path> spools = Files.newDirectoryStream(folder,
                AuditSpool.PREFIX + "*" + AuditSpool.SUFFIX)) {
            for (Path spool : spools) {
                try {
                    if (Files.getLastModifiedTime(spool).toInstant().isBefore(before)) {
                        long size = Files.size(spool);
                        if (Files.deleteIfExists(spool)) {
                            deleted++;
                            bytes += size;
                        }
                    }
                } catch (IOException e) {
                    // Deleted meanwhile by another instance, or not ours to delete: left as it is.
                }
            }
        } catch (IOException e) {
            LOG.warnf("Abandoned audit spool files in %s could not be listed: %s", folder, e.getMessage());
            return deleted;
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d abandoned audit spool file(s) (%d bytes) from %s", deleted, bytes, folder);
        }
        return deleted;
    }
}
