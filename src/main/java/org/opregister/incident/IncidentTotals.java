package org.opregister.incident;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.opregister.core.ClusterLock;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * The register's kept totals: number of incidents, of loss events and net loss per status and classification, so
 * that the register's list, unfiltered or filtered by status, event category, event type or business line, shows its
 * totals without reading every incident (issue #19: list pages flat from 10k to 1M). {@code incident_totals} holds
 * signed changes that the database writes itself, in the writer's transaction, on every insert, update and delete of
 * an incident (V38's triggers): whatever writes an incident (a page, the API, an import, a bulk SQL load), the sum of
 * the committed rows is the register's committed state. Every instance folds the rows into one per group now and then
 * ({@link #fold}), under a cluster lock; each night {@link #reconcile} compares them with a count of the register in
 * one statement and writes the difference, should there be one (logged as a warning: only a write with the triggers
 * disabled could cause it).
 */
@ApplicationScoped
public class IncidentTotals {

    private static final Logger LOG = Logger.getLogger(IncidentTotals.class);

    static final String LOCK = "incident-totals";

    /** Rows folded by one run at most (one transaction); more are left to the next run. */
    static final int FOLD_LIMIT = 50_000;

    private static final int DELETE_CHUNK = 500;

    /**
     * The columns a kept row is grouped by. A constant the compiler copies into {@link IncidentTotalsTrigger}, which H2
     * loads without the rest of the app (and without this class).
     */
    static final String GROUP = "status, event_category, event_type, business_line";

    /** Which incidents the kept totals are read for: each null criterion is every value. */
    public record Scope(IncidentStatus status, EventCategory category, EventType type, BusinessLine line) {
    }

    /** The kept totals of the incidents in this scope. */
    static Incident.Totals kept(Scope scope) {
        Map<String, Object> criteria = new LinkedHashMap<>();
        put(criteria, "status", scope.status());
        put(criteria, "event_category", scope.category());
        put(criteria, "event_type", scope.type());
        put(criteria, "business_line", scope.line());
        Query query = em().createNativeQuery("select coalesce(sum(incidents), 0), coalesce(sum(events), 0),"
                + " coalesce(sum(net_loss), 0) from incident_totals" + (criteria.isEmpty()
                        ? ""
                        : " where "
                                + criteria.keySet().stream().map(c -> c + " = :" + c)
                                        .collect(Collectors.joining(" and "))));
        criteria.forEach(query::setParameter);
        Object[] row = (Object[]) query.getSingleResult();
        return new Incident.Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((BigDecimal) row[2]).setScale(2));
    }

    /** The number of incidents in each status (statuses with none left out). */
    static Map<IncidentStatus, Long> countByStatus() {
        Map<IncidentStatus, Long> byStatus = new EnumMap<>(IncidentStatus.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select status, sum(incidents) from incident_totals"
                + " group by status having sum(incidents) <> 0").getResultList();
        rows.forEach(row -> byStatus.put(IncidentStatus.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return byStatus;
    }

    private static void put(Map<String, Object> criteria, String column, Enum<?> value) {
        if (value != null) {
            criteria.put(column, value.name());
        }
    }

    /**
     * Folds until what is left fits one run: a large write (an import, a ledger conversion, a bulk load) leaves a row
     * per incident it changed. The first run comes as the scheduled jobs start.
     */
    @Scheduled(every = "{oprisk.incident.totals-fold}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        while (fold() == FOLD_LIMIT) {
            LOG.debug("Kept totals: folded a full run, folding again");
        }
    }

    @Scheduled(cron = "{oprisk.incident.totals-check-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        reconcile();
    }

    /**
     * Replaces the changes written so far (up to {@link #FOLD_LIMIT}) by their sum, one row per group; answers how
     * many rows it folded. Exactly the rows it read are deleted: a change committed meanwhile stays for the next run.
     */
    @Transactional
    public int fold() {
        ClusterLock.hold(LOCK);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select id, " + GROUP + ", incidents, events, net_loss"
                + " from incident_totals order by id").setMaxResults(FOLD_LIMIT).getResultList();
        Map<List<Object>, List<Object[]>> byGroup = rows.stream()
                .collect(Collectors.groupingBy(row -> Arrays.asList(row).subList(1, 5)));
        if (byGroup.values().stream().allMatch(changes -> changes.size() == 1)) {
            return 0;
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
            em().createNativeQuery("delete from incident_totals where id in ("
                    + chunk.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")").executeUpdate();
        }
        byGroup.forEach((group, changes) -> {
            long incidents = 0;
            long events = 0;
            BigDecimal netLoss = BigDecimal.ZERO;
            for (Object[] change : changes) {
                incidents += ((Number) change[5]).longValue();
                events += ((Number) change[6]).longValue();
                netLoss = netLoss.add((BigDecimal) change[7]);
            }
            if (incidents != 0 || events != 0 || netLoss.signum() != 0) {
                em().createNativeQuery("insert into incident_totals (" + GROUP + ", incidents, events, net_loss)"
                        + " values (:status, :category, :type, :line, :incidents, :events, :netLoss)")
                        .setParameter("status", group.get(0)).setParameter("category", group.get(1))
                        .setParameter("type", group.get(2)).setParameter("line", group.get(3))
                        .setParameter("incidents", incidents).setParameter("events", events)
                        .setParameter("netLoss", netLoss).executeUpdate();
            }
        });
        return rows.size();
    }

    /**
     * Writes, per group, the difference between the register counted now and the kept totals, in one statement
     * (one snapshot of both, so a write committing meanwhile is on both sides or on neither); answers how many
     * groups differed, which should be none.
     */
    @Transactional
    public int reconcile() {
        ClusterLock.hold(LOCK);
        int differed = em().createNativeQuery("insert into incident_totals (" + GROUP + ", incidents, events, net_loss)"
                + " select " + GROUP + ", sum(incidents), sum(events), sum(net_loss) from ("
                + " select " + GROUP + ", count(*) as incidents,"
                + " count(case when root_event_id is null then 1 end) as events,"
                + " coalesce(sum(net_loss), 0) as net_loss from incident group by " + GROUP
                + " union all select " + GROUP + ", -sum(incidents), -sum(events), -sum(net_loss)"
                + " from incident_totals group by " + GROUP + ") difference group by " + GROUP
                + " having sum(incidents) <> 0 or sum(events) <> 0 or sum(net_loss) <> 0").executeUpdate();
        if (differed > 0) {
            LOG.warnf("The kept totals of the register differed from a count of it in %d group(s): corrected",
                    differed);
        }
        return differed;
    }

    private static EntityManager em() {
        return Incident.getEntityManager();
    }
}
