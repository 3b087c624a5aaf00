package org.opregister.corep;

import java.lang.ref.SoftReference;
import java.time.LocalDate;
import java.util.NavigableMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.core.KeptUntilChange;
import org.opregister.corep.ReturnInput.Rule;
import org.opregister.incident.LossDataChanges;

/**
 * The returns last computed, kept until the loss data they read changes ({@link KeptUntilChange},
 * {@link LossDataChanges#noneUpTo}): a commit that changes a ledger line, an incident, an entity or a rate. A change
 * to any other record leaves them, and so does a line booked or removed with an accounting date after the reference
 * date (the lines of the current half-year leave the return of the last one). A few returns: reference date, entity,
 * rule. The return computed last also keeps its events ({@link Events}), so that after a change the next computation
 * reads again only the events it touched.
 */
@ApplicationScoped
public class ComputedReturns extends KeptUntilChange<ComputedReturns.Key, ComputedReturns.Computed> {

    static final int KEPT = 8;

    /**
     * The most events kept with a return (about a kilobyte each with their serialisation): a year's events of a
     * register of up to about 200,000 incidents over ten years; past it a return is read whole after every change,
     * one event at a time.
     */
    static final int EVENTS_KEPT = 30_000;

    /** Which return: the rule holds the threshold, the currency, the EUR rate and its date. */
    record Key(LocalDate referenceDate, String entityCode, Rule rule) {
    }

    /**
     * What the computation gives: the figures, the data's hash, how many ledger lines it read, and how many events it
     * read from the database (all of the return's, or those a change touched).
     */
    record Computed(C17Return result, String hash, long lines, long eventsRead) {
    }

    /**
     * A return's events as read when the last change was {@code lastChange}, by root id, each with its lines of the
     * data hash (never changed once kept).
     */
    record Events(Key key, long lastChange, NavigableMap<Long, LedgerHash.Serialised> byRoot) {
    }

    private SoftReference<Events> lastEvents = new SoftReference<>(null);

    public ComputedReturns() {
        this((key, kept, now) -> LossDataChanges.noneUpTo(key.referenceDate(), kept, now));
    }

    ComputedReturns(Unchanged<Key> unchanged) {
        super(KEPT, unchanged);
    }

    /** The events kept of that return, read at the last change {@code lastChange} or before it; or null. */
    synchronized Events eventsAtOrBefore(Key key, long lastChange) {
        Events events = lastEvents.get();
        return events != null && events.key().equals(key) && events.lastChange() <= lastChange ? events : null;
    }

    /** Keeps a return's events, unless that return's events read at a later change are kept already. */
    synchronized void keepEvents(Events events) {
        Events held = lastEvents.get();
        if (held != null && held.key().equals(events.key()) && held.lastChange() > events.lastChange()) {
            return;
        }
        lastEvents = new SoftReference<>(events);
    }
}
