package org.opregister.dora;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 2024/1772 Art. 8(2): the monthly proposal of recurring incidents, once across instances, decided by a manager. */
@QuarkusTest
class RecurringIncidentsTest {

    private static final String CSRF_PAGE = "/account/password";

    @Inject
    RecurringIncidents recurring;

    @Test
    void twoRunsAtOnceProposeOnceAndAManagerDecides() {
        Session officer = TestSupport.session("officer");
        String cause = "Expired TLS certificate on the payment gateway " + System.nanoTime();
        long first = incident(officer, cause, "2030-09-10T10:00", "DE");
        long second = incident(officer, "  " + cause.toUpperCase() + " ", "2030-12-02T10:00", "NL");
        long tooOld = incident(officer, cause, "2030-06-01T10:00", "AT");
        LocalDate day = LocalDate.of(2031, 1, 15);

        List<Integer> proposed = Parallel.run(2, i -> recurring.assess(day));
        assertEquals(1, proposed.stream().mapToInt(Integer::intValue).sum(), "two runs at once: one proposal");
        assertEquals(0, recurring.assess(day), "the month is done");
        DoraRecurring proposal = QuarkusTransaction.requiringNew().call(() -> {
            List<DoraRecurring> found = DoraRecurring.list("runKey", "2031-01");
            assertEquals(1, found.size());
            DoraRecurring only = found.get(0);
            assertEquals(List.of(first, second), only.incidents.stream().map(i -> i.id).toList(),
                    "the incident older than six months is left out: " + tooOld);
            assertEquals("9(1) 9(4)", only.thresholdsMet);
            return only;
        });

        TestSupport.session("auditor").request().get("/dora").then().statusCode(200)
                .body(containsString("recurring-" + proposal.id), containsString("Proposed"));
        String approve = "/dora/recurring/" + proposal.id + "/approve";
        officer.post(CSRF_PAGE, approve, Map.of("version", proposal.version)).then().statusCode(403);
        Session manager = TestSupport.session("manager");
        manager.post(CSRF_PAGE, approve, Map.of("version", proposal.version + 1)).then().statusCode(409);
        manager.post(CSRF_PAGE, approve, Map.of("version", proposal.version)).then().statusCode(303);
        DoraRecurring decided = QuarkusTransaction.requiringNew()
                .call(() -> DoraRecurring.<DoraRecurring>findById(proposal.id));
        assertEquals(RecurringStatus.CONFIRMED, decided.status);
        assertEquals("manager", decided.decidedBy);
        manager.post(CSRF_PAGE, "/dora/recurring/" + proposal.id + "/refuse", Map.of("version", decided.version))
                .then().statusCode(409).body(containsString("decided already"));
        manager.post(CSRF_PAGE, "/dora/recurring/987654321/refuse", Map.of("version", 0)).then().statusCode(404);
    }

    /** An ICT-related incident, not major alone: a critical service, 60,000 clients, one Member State. */
    private static long incident(Session officer, String rootCause, String occurred, String state) {
        long id = IncidentFixtures.record(officer, "Recurring target " + state);
        QuarkusTransaction.requiringNew().run(() -> Incident.<Incident>findById(id).rootCause = rootCause);
        long service = QuarkusTransaction.requiringNew().call(() -> BusinessService.byCode("SEPA-PAY").id);
        officer.post(CSRF_PAGE, "/dora/incidents/" + id, Map.of("ictRelated", "true", "occurredAt", occurred,
                "services", List.of(service), "clientsAffected", "60000", "memberStates", state)).then()
                .statusCode(303);
        assertEquals(Boolean.FALSE, QuarkusTransaction.requiringNew().call(() -> DoraRecord.forIncident(id).major));
        return id;
    }
}
