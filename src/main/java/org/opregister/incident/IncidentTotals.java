package org.opregister.incident;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.opregister.core.ClusterLock;

/**
 * The register's kept totals: number of incidents, of loss events and net loss per status, so that the register's
 * list, unfiltered or filtered by status alone, shows its totals without reading every incident (issue #19: list
 * pages flat from 10k to 1M). {@code incident_totals} holds signed changes that the database writes itself, in the
 * writer's transaction, on every insert, update and delete of an incident (V38's triggers): whatever writes an
 * incident (a page, the API, an import, a bulk SQL load), the sum of the committed rows is the register's committed
 * state. Every instance folds the rows into one per status now and then ({@link #fold}), under a cluster lock; each
 * night {@link #reconcile} compares them with a count of the register in one statement and writes the difference,
 * should there be one (logged as a warning: only a write with the triggers disabled could cause it).
 */
@ApplicationScoped
public class IncidentTotals {

    private static final Logger LOG = Logger.getLogger(IncidentTotals.class);

    static final String LOCK = "incident-totals";

    /** Rows folded by one run at most (one transaction); more are left to the next run. */
    static final int FOLD_LIMIT = 50_000;

    private static final int DELETE_CHUNK = 500;

    /** The kept totals of the incidents in this status (null: every status). */
    static Incident.Totals kept(IncidentStatus status) {
        Query query = em().createNativeQuery("select coalesce(sum(incidents), 0), coalesce(sum(events), 0),"
                + " coalesce(sum(net_loss), 0) from incident_totals"
                + (status == null ? "" : " where status = :status"));
        if (status != null) {
            query.setParameter("status", status.name());
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new Incident.Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((BigDecimal) row[2]).setScale(2));
    }

    @Scheduled(every = "{oprisk.incident.totals-fold}", delayed = "{oprisk.incident.totals-fold}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        fold();
    }

    @Scheduled(cron = "{oprisk.incident.totals-check-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        reconcile();
    }

    /**
     * Replaces the changes written so far (up to {@link #FOLD_LIMIT}) by their sum, one row per status; answers how
     * many rows it folded. Exactly the rows it read are deleted: a change committed meanwhile stays for the next run.
     */
    @Transactional
    public int fold() {
        ClusterLock.hold(LOCK);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select id, status, incidents, events, net_loss"
                + " from incident_totals order by id").setMaxResults(FOLD_LIMIT).getResultList();
        Map<String, List<Object[]>> byStatus = rows.stream()
                .collect(Collectors.groupingBy(row -> (String) row[1], TreeMap::new, Collectors.toList()));
        if (byStatus.values().stream().allMatch(changes -> changes.size() == 1)) {
            return 0;
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
            em().createNativeQuery("delete from incident_totals where id in ("
                    + chunk.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")").executeUpdate();
        }
        byStatus.forEach((status, changes) -> {
            long incidents = 0;
            long events = 0;
            BigDecimal netLoss = BigDecimal.ZERO;
            for (Object[] change : changes) {
                incidents += ((Number) change[2]).longValue();
                events += ((Number) change[3]).longValue();
                netLoss = netLoss.add((BigDecimal) change[4]);
            }
            if (incidents != 0 || events != 0 || netLoss.signum() != 0) {
                em().createNativeQuery("insert into incident_totals (status, incidents, events, net_loss)"
                        + " values (:status, :incidents, :events, :netLoss)").setParameter("status", status)
                        .setParameter("incidents", incidents).setParameter("events", events)
                        .setParameter("netLoss", netLoss).executeUpdate();
            }
        });
        return rows.size();
    }

    /**
     * Writes, per status, the difference between the register counted now and the kept totals, in one statement
     * (one snapshot of both, so a write committing meanwhile is on both sides or on neither); answers how many
     * statuses differed, which should be none.
     */
    @Transactional
    public int reconcile() {
        ClusterLock.hold(LOCK);
        int differed = em().createNativeQuery("insert into incident_totals (status, incidents, events, net_loss)"
                + " select status, sum(incidents), sum(events), sum(net_loss) from ("
                + " select status, count(*) as incidents, count(case when root_event_id is null then 1 end) as events,"
                + " coalesce(sum(net_loss), 0) as net_loss from incident group by status"
                + " union all select status, -sum(incidents), -sum(events), -sum(net_loss) from incident_totals"
                + " group by status) difference group by status"
                + " having sum(incidents) <> 0 or sum(events) <> 0 or sum(net_loss) <> 0").executeUpdate();
        if (differed > 0) {
            LOG.warnf("The kept totals of the register differed from a count of it for %d status(es): corrected",
                    differed);
        }
        return differed;
    }

    private static EntityManager em() {
        return Incident.getEntityManager();
    }
}
