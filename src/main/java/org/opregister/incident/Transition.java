package org.opregister.incident;

import static org.opregister.incident.IncidentStatus.*;

/**
 * The incident workflow: Draft → Open → Under review → Closed, with return and reopen.
 * Closing is an approval: only a manager may give it, and never the person who asked for the review.
 */
public enum Transition {

    OPEN(DRAFT, IncidentStatus.OPEN, false), SUBMIT_FOR_REVIEW(IncidentStatus.OPEN, UNDER_REVIEW, false), RETURN(
            UNDER_REVIEW, IncidentStatus.OPEN,
            true), CLOSE(UNDER_REVIEW, CLOSED, true), REOPEN(CLOSED, IncidentStatus.OPEN, true);

    public final IncidentStatus from;
    public final IncidentStatus to;
    public final boolean managerOnly;

    Transition(IncidentStatus from, IncidentStatus to, boolean managerOnly) {
        this.from = from;
        this.to = to;
        this.managerOnly = managerOnly;
    }

    /** The URL segment: {@code /incidents/{id}/transitions/submit-for-review}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String labelKey() {
        return "transition." + name();
    }

    /** Four-eyes: whoever submitted the incident for review cannot close it (returning it is withdrawing it). */
    public boolean requiresSecondPerson() {
        return this == CLOSE;
    }

    /** Returning for rework says why; closing may carry a comment. */
    public boolean reasonRequired() {
        return this == RETURN;
    }

    /** The reviewer's decisions, taken from the review form rather than the workflow buttons. */
    public boolean review() {
        return this == RETURN || this == CLOSE;
    }
}
