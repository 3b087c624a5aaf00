package org.opregister.incident;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventType;

/**
 * The loss event a ledger line counts in, as the event is classified and sized: the root incident (CRR Art.
 * 311a(4): a grouped incident counts with its root), its Level 2 event type and business line, whether it is kept
 * out of the regulatory data set whatever its size (near miss, gain event, credit boundary: {@link LossDataSet}), and
 * its aggregated gross and net loss over the whole ledger. A copy of what the incidents say, kept on the line so that
 * the losses page reads one index by accounting date: {@link LossEvents} writes it on every ledger write and every
 * change of classification or grouping, never the line's own edits (the columns are not updatable through the
 * entity).
 */
@Embeddable
public class LineEvent {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long root;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false, length = 60)
    public EventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_business_line", nullable = false, updatable = false, length = 40)
    public BusinessLine businessLine;

    @Column(name = "event_excluded", nullable = false, updatable = false)
    public boolean excluded;

    @Column(name = "event_gross", nullable = false, updatable = false, precision = 19, scale = 2)
    public BigDecimal gross;

    @Column(name = "event_net", nullable = false, updatable = false, precision = 19, scale = 2)
    public BigDecimal net;

    /** The event of that incident as it stands in memory (its root's classification); sizes follow on refresh. */
    static LineEvent of(Incident incident) {
        Incident root = incident.rootEvent != null ? incident.rootEvent : incident;
        return of(incident, root.grossLoss, root.netLoss);
    }

    /** The event of that incident, of that gross and net loss (the root's and its members' summed). */
    static LineEvent of(Incident incident, BigDecimal gross, BigDecimal net) {
        Incident root = incident.rootEvent != null ? incident.rootEvent : incident;
        LineEvent event = new LineEvent();
        event.root = root.id;
        event.type = root.eventType;
        event.businessLine = root.businessLine;
        event.excluded = root.excludedFromDataSet();
        event.gross = gross;
        event.net = net;
        return event;
    }
}
