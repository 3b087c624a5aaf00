package org.opregister.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbandonedSpoolsTest {

    @TempDir
    Path folder;

    /**
     * Only spool files last written before the moment go: a spool of a live transaction (written within the
     * longest timeout) stays, and so does any other file of the folder, however old.
     */
    @Test
    void onlySpoolFilesOlderThanTheLongestTransactionAreDeleted() throws IOException {
        Instant now = Instant.now();
        Path abandoned = spool(now.minus(AbandonedSpools.ABANDONED_AFTER).minusSeconds(60));
        Path live = spool(now.minus(AbandonedSpools.ABANDONED_AFTER).plusSeconds(60));
        Path other = Files.createTempFile(folder, "oprisk-import-", ".xlsx");
        Files.setLastModifiedTime(other, FileTime.from(now.minusSeconds(86_400)));

        assertEquals(1, AbandonedSpools.deleteOlderThan(folder, now.minus(AbandonedSpools.ABANDONED_AFTER)));
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other));
        assertEquals(0, AbandonedSpools.deleteOlderThan(folder, now.minus(AbandonedSpools.ABANDONED_AFTER)));
    }

    /** The job looks where spools are made: a new spool is a file of the pattern in that folder, gone when closed. */
    @Test
    void theJobLooksWhereSpoolsAreMade() throws IOException {
        Set<Path> before = spools();
        try (AuditSpool spool = new AuditSpool()) {
            Set<Path> made = spools();
            made.removeAll(before);
            assertEquals(1, made.size(), "one new spool file in " + AuditSpool.FOLDER);
            assertTrue(Files.exists(made.iterator().next()));
        }
        Set<Path> after = spools();
        after.removeAll(before);
        assertTrue(after.isEmpty());
    }

    private static Set<Path> spools() throws IOException {
        Set<Path> found = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(AuditSpool.FOLDER,
                AuditSpool.PREFIX + "*" + AuditSpool.SUFFIX)) {
            files.forEach(found::add);
        }
        return found;
    }

    @Test
    void aFolderThatCannotBeListedDeletesNothing() {
        assertEquals(0, AbandonedSpools.deleteOlderThan(folder.resolve("missing"), Instant.now()));
    }

    private Path spool(Instant lastWritten) throws IOException {
        Path file = Files.createTempFile(folder, AuditSpool.PREFIX, AuditSpool.SUFFIX);
        Files.writeString(file, "entries");
        Files.setLastModifiedTime(file, FileTime.from(lastWritten));
        return file;
    }
}
