package org.opregister.incident;

import java.util.List;

/**
 * What an incident's page shows of the records linked to it by other modules (the risks it materialised, the
 * controls that failed) and what can still be linked. The module that owns the links supplies them through
 * {@link Source}, so that this one need not know it.
 */
public record IncidentLinks(List<LinkedRecord> risks, List<LinkedRecord> failedControls,
        List<Pickable> linkableRisks,
        List<Pickable> linkableControls) {

    public static final IncidentLinks NONE = new IncidentLinks(List.of(), List.of(), List.of(), List.of());

    /** A linked record as a line on the page: its reference and title, a link, and a coloured badge. */
    public record LinkedRecord(long id, String reference, String title, String href, String badge, String badgeCss,
            String badgeTitle) {
    }

    /** A record that can still be linked, as the picker lists it. */
    public record Pickable(long id, String reference, String title) {
    }

    /** Implemented by the module that keeps the links. */
    public interface Source {

        /**
         * The records linked to the incident and, when {@code withChoices} (the user may link more), those that can
         * still be linked; else no choices, and they are not read.
         */
        IncidentLinks of(Incident incident, boolean withChoices);
    }
}
