package org.opregister.kri;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.opregister.core.ClusterLock;
import org.opregister.core.OpriskConfig;
import org.opregister.incident.RegisterChanged;

/**
 * Computed KRIs follow the register after each change commits, coalesced. A writer only marks the periods its change
 * touched ({@link KriMarks}, in its own transaction); once it commits, this instance's worker thread runs a round a
 * moment later: under a named lock in the database (one round at a time across instances), it reads the marks,
 * recomputes those periods of those KRIs and deletes exactly the marks it read, in one transaction. A mark committed
 * while a round runs was not read by it, so it stays and brings another round; marks left by an instance that died
 * are found by the poll every instance runs.
 */
@ApplicationScoped
public class KriRecomputes {

    private static final Logger LOG = Logger.getLogger(KriRecomputes.class);

    static final String LOCK = "kri-recompute";

    /** Marks handled by one round (one transaction) at most; more are left to the next round. */
    static final int ROUND_LIMIT = 20_000;

    private static final Object KICK_REGISTERED = new Object();

    @Inject
    KriComputation computation;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OpriskConfig config;

    /** Tests: runs in a round after it has recomputed, before it deletes its marks and commits. */
    static volatile Runnable beforeClearing;

    /** Tests: while true, the worker thread postpones its rounds (rounds run by {@link #drain} still run). */
    static volatile boolean holdWorker;

    private final AtomicBoolean queued = new AtomicBoolean();

    private final AtomicLong rounds = new AtomicLong();

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "kri-recompute");
        thread.setDaemon(true);
        return thread;
    });

    /** In the writer's transaction: marks what changed, and asks for a round once (and if) it commits. */
    void onRegisterChange(@Observes RegisterChanged change) {
        if (KriMarks.mark(change) > 0 && transactions.getResource(KICK_REGISTERED) == null) {
            transactions.putResource(KICK_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {

                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        kick();
                    }
                }
            });
        }
    }

    /** Every instance looks for marks now and then: those of an instance that stopped before its round. */
    @Scheduled(every = "{oprisk.kri.recompute-poll}", delayed = "{oprisk.kri.recompute-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    /** A round after the delay, unless one is queued already: writes in the meantime share it. */
    void kick() {
        if (queued.compareAndSet(false, true)) {
            schedule(config.kri().recomputeDelay());
        }
    }

    private void schedule(Duration after) {
        try {
            worker.schedule(this::queuedRound, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // shutting down: the marks stay for the next start or another instance
        }
    }

    private void queuedRound() {
        if (holdWorker) {
            schedule(config.kri().recomputeDelay());
            return;
        }
        queued.set(false); // a kick from now on queues another round, which will see what this one does not
        try {
            if (round()) {
                kick();
            }
        } catch (RuntimeException e) {
            LOG.warnf("KRI recompute failed, retried in 10 s: %s", e.toString());
            if (queued.compareAndSet(false, true)) {
                schedule(Duration.ofSeconds(10));
            }
        }
    }

    /** Runs rounds on the calling thread until no mark is left (tests, and after an import). */
    public void drain() {
        while (round()) {
            // each round commits before the next reads
        }
    }

    /** One round; answers whether it found marks. Rounds of this instance take turns. */
    synchronized boolean round() {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            ClusterLock.hold(LOCK);
            List<KriMarks.Mark> marks = KriMarks.pending(ROUND_LIMIT);
            if (marks.isEmpty()) {
                return false;
            }
            Map<Long, Set<LocalDate>> periods = new TreeMap<>();
            Set<Long> everything = new HashSet<>();
            for (KriMarks.Mark mark : marks) {
                if (mark.period() == null) {
                    everything.add(mark.kriId());
                }
                periods.computeIfAbsent(mark.kriId(), id -> new HashSet<>()).add(mark.period());
            }
            // KRIs in id order, each locked by its recompute: the same order on every instance.
            periods.forEach((id, touched) -> {
                Kri kri = Kri.findById(id);
                if (kri == null) {
                    return;
                }
                if (everything.contains(id)) {
                    computation.recompute(kri);
                } else {
                    computation.recompute(kri, touched);
                }
            });
            Runnable hook = beforeClearing;
            if (hook != null) {
                hook.run();
            }
            KriMarks.clear(marks);
            rounds.incrementAndGet();
            return true;
        });
    }

    /** Rounds that found marks since start (the README's measurements). */
    long rounds() {
        return rounds.get();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
