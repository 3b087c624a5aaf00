package org.opregister.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.Acting;
import org.opregister.core.AppClock;
import org.opregister.core.ClusterLock;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.IncidentImport;

/**
 * Runs queued imports in the background, one at a time across every instance sharing the database: an instance
 * claims the oldest queued job under the cluster lock {@value #LOCK}, only while no job is running, so two managers
 * (or two instances) starting imports at once get them run one after the other. The import itself is one
 * transaction: a dry run and an import with a bad cell are rolled back whole, a good import commits with its audit
 * entry. Progress and a heartbeat are written in transactions of their own; a running job whose heartbeat stopped
 * for {@link #STALE} (its instance died, its transaction with it) is queued again.
 */
@ApplicationScoped
public class ImportRunner {

    static final String LOCK = "imports";
    static final Duration STALE = Duration.ofMinutes(15);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** The longest an import may run (its transaction's timeout), in seconds. */
    static final int TIMEOUT_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    /** Thrown to roll the import's transaction back: a dry run, or bad cells. */
    private static final class Undo extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Undo() {
            super(null, null, false, false);
        }
    }

    @Inject
    IncidentImport register;

    @Inject
    AuditWriter audit;

    private final String instance = UUID.randomUUID().toString();

    private final ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "import-runner");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs whatever is queued, on this instance's import thread (after the queuing transaction committed). */
    public Future<?> kick() {
        return executor.submit(this::drain);
    }

    /** Every instance looks for queued and abandoned jobs now and then (also after a restart). */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        requeueAbandoned();
        kick();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    void drain() {
        try {
            Long id;
            while ((id = claimNext()) != null) {
                run(id);
            }
        } catch (RuntimeException e) {
            LOG.error("Import runner stopped", e);
        }
    }

    /** The oldest queued job, now running on this instance; null when one runs already or none waits. */
    Long claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClusterLock.hold(LOCK);
            if (ImportJob.count("status", ImportStatus.RUNNING) > 0) {
                return null;
            }
            ImportJob job = ImportJob.<ImportJob>find("status = ?1 order by queuedAt, id", ImportStatus.QUEUED)
                    .firstResult();
            if (job == null) {
                return null;
            }
            Instant now = AppClock.now();
            job.status = ImportStatus.RUNNING;
            job.claimedBy = instance;
            job.startedAt = now;
            job.heartbeatAt = now;
            return job.id;
        });
    }

    /** Jobs whose instance stopped beating are queued again (their transaction was rolled back with the instance). */
    void requeueAbandoned() {
        QuarkusTransaction.requiringNew().run(() -> {
            ClusterLock.hold(LOCK);
            ImportJob.update("status = ?1, claimedBy = null where status = ?2 and heartbeatAt < ?3",
                    ImportStatus.QUEUED, ImportStatus.RUNNING, AppClock.now().minus(STALE));
        });
    }

    private void run(long id) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
        byte[] incidents = QuarkusTransaction.requiringNew().call(() -> ImportFile.read(id, ImportFile.INCIDENTS));
        byte[] losses = QuarkusTransaction.requiringNew().call(() -> ImportFile.read(id, ImportFile.LOSSES));
        java.util.Map<String, String> mapping = ImportMapping.parse(job.mapping);
        ImportReport report = new ImportReport();
        String[] failure = new String[1];
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            Acting.as(job.startedBy, () -> ReferenceCounter.inBlocks(job.dryRun, () -> {
                try {
                    QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                        new IncidentRows(register, report, progress(id)).run(
                                () -> Table.open(new java.io.ByteArrayInputStream(incidents), mapping),
                                losses == null
                                        ? null
                                        : () -> Table.open(new java.io.ByteArrayInputStream(losses), mapping));
                        if (job.dryRun || report.failed()) {
                            throw new Undo();
                        }
                        audit.recordEvent(AuditAction.IMPORT, "ImportJob", Long.toString(id),
                                "Import " + id + " " + job.fileName, details(job, report));
                    });
                } catch (Undo e) {
                    // Rolled back as intended: nothing of a dry run or of a rejected file is kept.
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Import %d failed", id);
                    failure[0] = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
            QuarkusTransaction.requiringNew()
                    .run(() -> ImportJob.<ImportJob>findById(id).finish(report, failure[0]));
        } finally {
            requests.terminate();
        }
    }

    /**
     * Rows read so far, and a heartbeat, at most once a second, each in a transaction of its own (the import's own is
     * still open).
     */
    private static IntConsumer progress(long id) {
        long[] last = {System.nanoTime()};
        return rows -> {
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_EVERY.toNanos()) {
                last[0] = now;
                QuarkusTransaction.requiringNew().run(() -> ImportJob
                        .update("rowsRead = ?1, heartbeatAt = ?2 where id = ?3", rows, AppClock.now(), id));
            }
        };
    }

    /** The audit entry's details: the files with their SHA-256, and the counts. */
    static String details(ImportJob job, ImportReport report) {
        StringBuilder text = new StringBuilder("file=").append(job.fileName).append("; sha256=")
                .append(job.fileSha256);
        if (job.linesFileName != null) {
            text.append("; lines_file=").append(job.linesFileName).append("; lines_sha256=")
                    .append(job.linesSha256);
        }
        return text.append("; rows=").append(report.rowsRead).append("; incidents created=").append(report.created)
                .append(", updated=").append(report.updated).append(", unchanged=").append(report.skipped)
                .append("; lines created=").append(report.linesCreated).append(", updated=")
                .append(report.linesUpdated).append(", unchanged=").append(report.linesSkipped).toString();
    }
}
