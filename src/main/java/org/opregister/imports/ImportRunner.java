package org.opregister.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.opregister.action.ActionImport;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.control.ControlImport;
import org.opregister.core.Acting;
import org.opregister.core.AppClock;
import org.opregister.core.ClusterLock;
import org.opregister.incident.IncidentImport;
import org.opregister.risk.RiskImport;

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
    ControlImport controls;

    @Inject
    RiskImport risks;

    @Inject
    ActionImport actions;

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
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ImportPart part : job.files()) {
            files.put(part.part, QuarkusTransaction.requiringNew().call(() -> ImportFile.read(id, part.part)));
        }
        Map<String, String> mapping = ImportMapping.parse(job.mapping);
        ImportReport report = new ImportReport();
        String[] failure = new String[1];
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            Acting.as(job.startedBy, () -> {
                try {
                    QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                        read(files, mapping, report, rows -> progress(id, rows));
                        if (job.dryRun || report.failed()) {
                            throw new Undo();
                        }
                        audit.recordEvent(AuditAction.IMPORT, "ImportJob", Long.toString(id),
                                "Import " + id + " " + job.fileNames(), details(job, report));
                    });
                } catch (Undo e) {
                    // Rolled back as intended: nothing of a dry run or of a rejected file is kept.
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Import %d failed", id);
                    failure[0] = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            });
            QuarkusTransaction.requiringNew()
                    .run(() -> ImportJob.<ImportJob>findById(id).finish(report, failure[0]));
        } finally {
            requests.terminate();
        }
    }

    /**
     * Reads the files in the order of {@link ImportPart#ORDER}, so that what a row names is there before it: the
     * library (controls, risks and their links), the incidents and their loss lines, then the action plans, which may
     * name records of the same upload by the file's reference.
     */
    private void read(Map<String, byte[]> files, Map<String, String> mapping, ImportReport report,
            IntConsumer progress) {
        LibraryRows library = new LibraryRows(controls, risks, report, progress);
        if (files.containsKey(ImportPart.CONTROLS) || files.containsKey(ImportPart.RISKS)) {
            library.run(table(files, ImportPart.CONTROLS, mapping), table(files, ImportPart.RISKS, mapping));
        }
        IncidentRows incidents = new IncidentRows(register, report, progress);
        if (files.containsKey(ImportPart.INCIDENTS) || files.containsKey(ImportPart.LOSSES)) {
            incidents.run(table(files, ImportPart.INCIDENTS, mapping), table(files, ImportPart.LOSSES, mapping));
        }
        if (files.containsKey(ImportPart.ACTIONS)) {
            new ActionRows(actions, report, progress, incidents.keys(), library.riskKeys(), library.controlKeys())
                    .run(table(files, ImportPart.ACTIONS, mapping));
        }
    }

    /** The file of that part opened as a table (each time asked), or null when the job has none. */
    private static Supplier<Table> table(Map<String, byte[]> files, String part, Map<String, String> mapping) {
        byte[] data = files.get(part);
        return data == null ? null : () -> Table.open(data, mapping);
    }

    /** Rows read so far, and a heartbeat, in a transaction of its own (the import's own is still open). */
    private void progress(long id, int rows) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("rowsRead = ?1, heartbeatAt = ?2 where id = ?3",
                rows, AppClock.now(), id));
    }

    /** The audit entry's details: each file with its SHA-256, and the counts of each part. */
    static String details(ImportJob job, ImportReport report) {
        StringBuilder text = new StringBuilder();
        for (ImportPart part : job.files()) {
            text.append(part.part).append("_file=").append(part.fileName).append("; ").append(part.part)
                    .append("_sha256=").append(part.sha256).append("; ");
        }
        text.append("rows=").append(report.rowsRead);
        for (String part : ImportPart.ORDER) {
            int[] counts = report.counts(part);
            if (counts != null) {
                text.append("; ").append(part).append(" created=").append(counts[ImportReport.CREATED])
                        .append(", updated=").append(counts[ImportReport.UPDATED]).append(", unchanged=")
                        .append(counts[ImportReport.SKIPPED]);
                if (ImportPart.LINKS.equals(part)) {
                    text.append(", removed=").append(counts[ImportReport.REMOVED]);
                }
            }
        }
        return text.toString();
    }
}
