package org.opregister.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.opregister.TestSupport;
import org.opregister.action.ActionExtension;
import org.opregister.action.ActionPlan;
import org.opregister.controltest.Attestation;
import org.opregister.controltest.ControlTest;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.kri.KriBreach;
import org.opregister.rcsa.AssessmentTask;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dashboard counts what waits for a user in the database instead of loading the records: each count equals the
 * size of the list the queue's page shows, for every demo user, with an incident of the officer's awaiting review.
 */
@QuarkusTest
class AttentionCountsTest {

    @ParameterizedTest
    @ValueSource(strings = {"officer", "officer2", "manager", "manager2", "auditor"})
    void eachCountIsTheSizeOfItsList(String user) {
        TestSupport.Session officer = TestSupport.session("officer");
        long submitted = IncidentFixtures.record(officer, "Waiting for a decision");
        IncidentFixtures.transition(officer, submitted, "open");
        IncidentFixtures.transition(officer, submitted, "submit-for-review");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Incident.awaitingDecisionBy(user).size(), Incident.countAwaitingDecisionBy(user));
            assertEquals(ActionPlan.awaitingDecisionBy(user).size(), ActionPlan.countAwaitingDecisionBy(user));
            assertEquals(ActionExtension.awaitingDecisionBy(user).size(),
                    ActionExtension.countAwaitingDecisionBy(user));
            assertEquals(ControlTest.awaitingDecisionBy(user).size(), ControlTest.countAwaitingDecisionBy(user));
            assertEquals(AssessmentTask.awaitingDecisionBy(user).size(),
                    AssessmentTask.countAwaitingDecisionBy(user));
            assertEquals(AssessmentTask.toAnswer(user).size(), AssessmentTask.countToAnswer(user));
            assertEquals(Attestation.toAnswer(user).size(), Attestation.countToAnswer(user));
            assertEquals(KriBreach.open().size(), KriBreach.countOpen());
        });
        boolean queued = QuarkusTransaction.requiringNew()
                .call(() -> Incident.awaitingDecisionBy(user).stream().anyMatch(i -> i.id == submitted));
        assertEquals(!"officer".equals(user), queued, "four-eyes: the submitter's own queue leaves it out");
    }
}
