package org.opregister.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.opregister.action.ActionExtension;
import org.opregister.action.ActionPlan;
import org.opregister.controltest.Attestation;
import org.opregister.controltest.ControlTest;
import org.opregister.core.AppClock;
import org.opregister.dora.DoraDeadlines;
import org.opregister.incident.Incident;
import org.opregister.kri.KriBreach;
import org.opregister.kri.ValuesDue;
import org.opregister.rcsa.AssessmentTask;
import org.opregister.security.CurrentUser;

/** What waits for the signed-in user, and what needs the risk team's attention, as links with counts. */
public record Attention(List<Item> items) {

    /**
     * One line: message key, count and where to go; a line about one record names it ({@code subject}, the message's
     * argument instead of the count) and may quote what the user needs to read ({@code detail}).
     */
    public record Item(String key, long count, String link, String subject, String detail) {

        Item(String key, long count, String link) {
            this(key, count, link, null, null);
        }
    }

    static Attention of(CurrentUser user) {
        String me = user.username();
        List<Item> items = new ArrayList<>();
        if (user.canEdit()) {
            add(items, "attention.assessmentsToAnswer", AssessmentTask.countToAnswer(me), "/assessments#my-tasks");
            add(items, "attention.myActions", ActionPlan.countInProgressOwnedBy(me), "/actions/mine");
            add(items, "attention.testsToExecute", ControlTest.countToExecuteBy(me),
                    "/control-tests?status=PLANNED");
            add(items, "attention.attestationsToAnswer", Attestation.countToAnswer(me),
                    "/attestations#my-attestations");
            for (Incident incident : Incident.returnedTo(me)) {
                items.add(new Item("attention.incidentReturned", 1, "/incidents/" + incident.id, incident.reference,
                        incident.review.reviewComment));
            }
        }
        if (user.isManager()) {
            add(items, "attention.assessmentsToReview", AssessmentTask.countAwaitingDecisionBy(me),
                    "/assessments#to-review");
            add(items, "attention.actionsToReview", ActionPlan.countAwaitingDecisionBy(me)
                    + ActionExtension.countAwaitingDecisionBy(me), "/actions/review");
            add(items, "attention.testsToSignOff", ControlTest.countAwaitingDecisionBy(me),
                    "/control-tests?status=SUBMITTED");
            add(items, "attention.incidentsToReview", Incident.countAwaitingDecisionBy(me),
                    "/incidents?status=UNDER_REVIEW");
        }
        add(items, "attention.openBreaches", KriBreach.countOpen(), "/kris/breaches");
        add(items, "attention.kriValuesMissing", ValuesDue.kriCountMissing(), "/kris?status=ACTIVE");
        add(items, "attention.overdueActions", ActionPlan.countOverdue(AppClock.today()), "/actions?overdue=true");
        add(items, "dora.attentionOverdue", DoraDeadlines.countOverdue(AppClock.now()), "/dora");
        return new Attention(items);
    }

    private static void add(List<Item> items, String key, long count, String link) {
        if (count > 0) {
            items.add(new Item(key, count, link));
        }
    }
}
