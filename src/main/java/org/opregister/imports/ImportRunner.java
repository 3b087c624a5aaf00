package org.opregister.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
import org.opregister.core.LongTransactions;
import org.opregister.core.PlannerStatistics;
import org.opregister.core.ReferenceCounter;
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
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** The longest an import may run (its transaction's timeout), in seconds. */
    static final int TIMEOUT_SECONDS = LongTransactions.TIMEOUT_SECONDS;

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
        Set<String> files = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id).files()
                .stream().map(part -> part.part).collect(Collectors.toSet()));
        Map<String, String> mapping = ImportMapping.parse(job.mapping);
        ImportReport report = new ImportReport();
        String[] failure = new String[1];
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            Acting.as(job.startedBy, () -> ReferenceCounter.inBlocks(job.dryRun, () -> {
                try {
                    QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                        PlannerStatistics.planForTheTablesAsTheyGrow();
                        read(id, files, mapping, report, progress(id));
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
            }));
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
    private void read(long id, Set<String> files, Map<String, String> mapping, ImportReport report,
            IntConsumer progress) {
        LibraryRows library = new LibraryRows(controls, risks, report, progress);
        if (files.contains(ImportPart.CONTROLS) || files.contains(ImportPart.RISKS)) {
            library.run(table(id, files, ImportPart.CONTROLS, mapping), table(id, files, ImportPart.RISKS, mapping));
        }
        IncidentRows incidents = new IncidentRows(register, report, progress);
        if (files.contains(ImportPart.INCIDENTS) || files.contains(ImportPart.LOSSES)) {
            incidents.run(table(id, files, ImportPart.INCIDENTS, mapping),
                    table(id, files, ImportPart.LOSSES, mapping));
        }
        if (files.contains(ImportPart.ACTIONS)) {
            new ActionRows(actions, report, progress, incidents.keys(), library.riskKeys(), library.controlKeys())
                    .run(table(id, files, ImportPart.ACTIONS, mapping));
        }
    }

    /**
     * The file of that part opened as a table each time asked (streamed from the database, in the import's
     * transaction), or null when the job has none.
     */
    private static Supplier<Table> table(long id, Set<String> files, String part, Map<String, String> mapping) {
        return files.contains(part) ? () -> Table.open(ImportFile.open(id, part), mapping) : null;
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
