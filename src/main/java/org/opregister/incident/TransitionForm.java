package org.opregister.incident;

import java.time.LocalDate;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/**
 * A workflow button or the review form as posted: the version the user saw, the closure date (closing; blank is
 * today) and the reviewer's comment (the reason, required when returning; optional when closing).
 */
public class TransitionForm {

    @RestForm
    public String version;
    @RestForm
    public String closureDate;
    @RestForm
    public String reviewComment;

    /** The step as typed for {@code transition}; bad input fails the request (a missing version: stale, 409). */
    public TransitionCommand parse(Transition transition) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        long expected = input.version("version", version);
        String comment = input.text(IncidentService.REVIEW_COMMENT, reviewComment, transition.reasonRequired(),
                Incident.REVIEW_COMMENT_MAX);
        LocalDate closedOn = null;
        if (transition == Transition.CLOSE) {
            closedOn = FormInput.blank(closureDate) ? AppClock.today() : input.date("closureDate", closureDate, true);
        }
        Edits.failIfAny(errors);
        return new TransitionCommand(transition, expected, closedOn, comment);
    }

    /** What the reviewer typed, to show back on the incident's page when the step is refused. */
    public String typedComment() {
        return reviewComment == null ? "" : reviewComment;
    }

    /** One workflow step on the version the user saw; {@code closureDate} only when closing. */
    public record TransitionCommand(Transition transition, long version, LocalDate closureDate, String comment) {
    }
}
