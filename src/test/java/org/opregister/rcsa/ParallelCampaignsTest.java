package org.opregister.rcsa;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Managers opening campaigns over the same risks at the same moment. */
@QuarkusTest
class ParallelCampaignsTest {

    @Test
    void aRiskGoesIntoOneOpenCampaignWhenFiveAreOpenedAtOnce() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long risk = AssessmentFixtures.riskInUnit(officer, "Parallel unit " + System.nanoTime(), "Contested risk",
                "officer");
        Csrf csrf = manager.csrf(AssessmentFixtures.FORM_PAGE);
        List<Response> responses = Parallel.run(5, i -> {
            Map<String, Object> form = AssessmentFixtures.campaignForm("Parallel campaign " + i);
            form.put("risks", List.of(risk));
            return manager.post(csrf, "/assessments", form);
        });
        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(303, 400, 400, 400, 400), statuses);
        responses.stream().filter(r -> r.statusCode() == 400).forEach(r -> r.then()
                .body(org.hamcrest.Matchers.containsString("still being assessed in another open campaign")));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AssessmentTask.count("risk.id", risk)));
    }
}
