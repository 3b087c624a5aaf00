package org.opregister.incident;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.opregister.core.RowLocks;

/**
 * Keeps every ledger line's {@link LineEvent} equal to what the incidents say: the event (root) it counts in, the
 * root's classification and the event's aggregated gross and net loss.
 * <p>
 * How it stays right: {@link IncidentService} calls {@link #refresh} on every ledger write (after the incident's
 * totals are summed again) and on every edit of an incident (classification, boundary flags, grouping), in the same
 * transaction; it rewrites the lines of the whole event, and of the event the incident's lines counted in before a
 * regrouping. Writers of one event take turns on its root's row lock, taken before any other row of the event
 * ({@code IncidentService.lockEvents}), so the sums read here include what the previous writer committed and two
 * writers never wait for each other's rows. A ledger conversion rewrites every line ({@link #refreshAll}).
 * {@code LossEventsTest} compares the lines with a recomputation after bursts of edits.
 */
public final class LossEvents {

    /**
     * Every line from scratch, in two statements (the same as the migration V22 that introduced the columns); the
     * first rewrites only the lines whose event changed (a line is written with its event: after an import, none).
     */
    private static final String[] REFRESH_ALL = {
            "update loss_entry set event_id = (select coalesce(i.root_event_id, i.id) from incident i"
                    + " where i.id = loss_entry.incident_id) where event_id is distinct from"
                    + " (select coalesce(i.root_event_id, i.id) from incident i where i.id = loss_entry.incident_id)",
            "update loss_entry set"
                    + " event_type = (select e.event_type from incident e where e.id = loss_entry.event_id),"
                    + " event_business_line = (select e.business_line from incident e"
                    + " where e.id = loss_entry.event_id),"
                    + " event_excluded = (select e.near_miss or e.gain_event or e.credit_boundary from incident e"
                    + " where e.id = loss_entry.event_id),"
                    + " event_gross = (select e.gross_loss from incident e where e.id = loss_entry.event_id)"
                    + " + coalesce((select sum(m.gross_loss) from incident m"
                    + " where m.root_event_id = loss_entry.event_id), 0),"
                    + " event_net = (select e.net_loss from incident e where e.id = loss_entry.event_id)"
                    + " + coalesce((select sum(m.net_loss) from incident m"
                    + " where m.root_event_id = loss_entry.event_id), 0)"};

    private LossEvents() {
    }

    /** The id of the event an incident counts in: its root's when grouped, else its own. */
    static long eventOf(Incident incident) {
        return incident.rootEvent != null ? incident.rootEvent.id : incident.id;
    }

    /**
     * Rewrites the lines of the event the incident now counts in, and of any event its lines counted in until now (it
     * was regrouped). The caller holds the row locks of those events' roots.
     */
    static void refresh(Incident incident) {
        EntityManager em = Incident.getEntityManager();
        em.flush();
        Set<Long> events = new HashSet<>(em
                .createQuery("select distinct l.event.root from LossEntry l where l.incident.id = :incident",
                        Long.class)
                .setParameter("incident", incident.id).getResultList());
        events.add(eventOf(incident));
        refreshEvents(events);
    }

    /** Rewrites the lines of those events (by root id), each under its root's row lock, in the order of their ids. */
    static void refreshEvents(Collection<Long> roots) {
        EntityManager em = Incident.getEntityManager();
        em.flush();
        for (long root : new TreeSet<>(roots)) {
            refreshEvent(em, root);
        }
    }

    private static void refreshEvent(EntityManager em, long rootId) {
        RowLocks.forUpdate("incident", "id", rootId);
        Incident root = Incident.findById(rootId);
        if (root == null || root.rootEvent != null) {
            // Grouped since: its lines were rewritten under their new root.
            return;
        }
        Object[] sums = em
                .createQuery("select sum(i.grossLoss), sum(i.netLoss) from Incident i"
                        + " where i.id = :root or i.rootEvent.id = :root", Object[].class)
                .setParameter("root", rootId).getSingleResult();
        em.createQuery("update LossEntry l set l.event.root = :root, l.event.type = :type,"
                + " l.event.businessLine = :line, l.event.excluded = :excluded, l.event.gross = :gross,"
                + " l.event.net = :net where l.incident.id in"
                + " (select i.id from Incident i where i.id = :root or i.rootEvent.id = :root)")
                .setParameter("root", rootId)
                .setParameter("type", root.eventType)
                .setParameter("line", root.businessLine)
                .setParameter("excluded", root.excludedFromDataSet())
                .setParameter("gross", sums[0])
                .setParameter("net", sums[1])
                .executeUpdate();
    }

    /**
     * Rewrites every line's event: after the ledger was converted into another reporting currency, and after lines
     * were written without the service (generated benchmark data, test fixtures).
     */
    public static void refreshAll() {
        EntityManager em = Incident.getEntityManager();
        em.flush();
        for (String statement : REFRESH_ALL) {
            em.createNativeQuery(statement).executeUpdate();
        }
    }
}
