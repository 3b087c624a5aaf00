package org.opregister.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.core.AppClock;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incidents recorded by many people at the same moment. */
@QuarkusTest
class ParallelIncidentsTest {

    @Test
    void theFirstIncidentsOfANewYearAllGetTheirOwnReference() {
        AppClock.fix(Clock.fixed(Instant.parse("2099-01-01T08:00:00Z"), ZoneOffset.UTC));
        try {
            List<Response> responses = Parallel.run(20, i -> given().auth().preemptive().basic("officer", "demo")
                    .contentType(ContentType.JSON).body(IncidentApiTest.body("New year " + i)).post("/api/incidents"));
            List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
            assertEquals(List.of(201), statuses.stream().distinct().toList(), "statuses: " + statuses);
            List<String> references = responses.stream().map(r -> r.<String>path("reference")).toList();
            assertEquals(20, new HashSet<>(references).size(), references.toString());
            assertTrue(references.stream().allMatch(r -> r.startsWith("INC-2099-")), references.toString());
        } finally {
            AppClock.fix(null);
        }
    }
}
