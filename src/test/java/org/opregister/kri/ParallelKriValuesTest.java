package org.opregister.kri;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.core.AppClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KRI values entered by several people at once, and the nightly recompute started on several instances. */
@QuarkusTest
class ParallelKriValuesTest {

    @Inject
    KriComputation computation;

    @Test
    void tenValuesForOnePeriodStoreOneAndTellTheOthersWhy() {
        Session officer = TestSupport.session("officer");
        long kri = KriFixtures.define(officer, "Parallel period " + System.nanoTime());
        Csrf csrf = officer.csrf(KriFixtures.FORM_PAGE);
        List<Response> responses = Parallel.run(10, i -> officer.post(csrf, "/kris/" + kri + "/values",
                Map.of("period", "2025-03", "value", String.valueOf(41 + i))));
        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        assertEquals(303, statuses.get(0));
        assertTrue(statuses.subList(1, 10).stream().allMatch(s -> s == 400), "statuses: " + statuses);
        assertEquals(1, KriFixtures.valueCount(kri));
        assertEquals(1, KriFixtures.breaches(kri).stream().filter(b -> b.status == BreachStatus.OPEN).count(),
                "one red value, one open breach");
    }

    @Test
    void parallelValuesForManyPeriodsAreAllStoredAndTheBreachesAddUp() {
        Session officer = TestSupport.session("officer");
        long kri = KriFixtures.define(officer, "Parallel months " + System.nanoTime());
        Csrf csrf = officer.csrf(KriFixtures.FORM_PAGE);
        // January to June red, July green, August to December red: two breaches, the first closed in July.
        List<Response> responses = Parallel.run(12, i -> officer.post(csrf, "/kris/" + kri + "/values",
                Map.of("period", String.format("2024-%02d", i + 1), "value", i == 6 ? "10" : "45")));
        assertEquals(List.of(303), responses.stream().map(Response::statusCode).distinct().toList());
        assertEquals(12, KriFixtures.valueCount(kri));
        // Each writer saw part of the values; breaches they opened that the whole series does not bear out are
        // withdrawn.
        List<KriBreach> breaches = KriFixtures.breaches(kri).stream().filter(b -> b.status != BreachStatus.WITHDRAWN)
                .toList();
        assertEquals(2, breaches.size());
        assertEquals(List.of(BreachStatus.CLOSED, BreachStatus.OPEN),
                breaches.stream().sorted((a, b) -> a.firstPeriod.compareTo(b.firstPeriod)).map(b -> b.status).toList());
    }

    @Test
    void theNightlyRecomputeRunsOnceWhenEveryInstanceStartsIt() {
        List<Boolean> runs = Parallel.run(3, i -> computation.recomputeTonight());
        assertEquals(1, runs.stream().filter(r -> r).count(), runs.toString());
        assertEquals(false, computation.recomputeTonight(), "a later start the same night finds it done");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) Kri.getEntityManager()
                .createNativeQuery("select count(*) from job_run where job = ?1 and run_key = ?2")
                .setParameter(1, KriComputation.NIGHTLY_JOB).setParameter(2, AppClock.today().toString())
                .getSingleResult()).longValue()));
    }
}
