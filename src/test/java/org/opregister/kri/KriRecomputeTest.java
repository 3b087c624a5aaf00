package org.opregister.kri;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.incident.Incident;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Computed KRIs recomputed after commit, only in the periods a change touched: after a burst of parallel writes they
 * hold exactly what a full recompute gives, and a change committed while a recompute runs is not lost.
 */
@QuarkusTest
class KriRecomputeTest {

    /** Event category, event type, business line. */
    private static final String[][] CLASSES = {
            {"EXTERNAL_FRAUD", "EXTERNAL_THEFT_AND_FRAUD", "RETAIL_BANKING"},
            {"EXTERNAL_FRAUD", "SYSTEMS_SECURITY", "PAYMENT_AND_SETTLEMENT"},
            {"EXECUTION_DELIVERY_PROCESS", "TRANSACTION_CAPTURE_EXECUTION", "PAYMENT_AND_SETTLEMENT"}};

    @Inject
    KriRecomputes recomputes;

    @Inject
    KriComputation computation;

    @AfterEach
    void release() {
        KriRecomputes.beforeClearing = null;
        KriRecomputes.holdWorker = false;
    }

    @Test
    void aBurstOfParallelWritesEndsWithTheValuesOfAFullRecompute() {
        List<Long> kris = List.of(
                define("INCIDENT_COUNT", "MONTHLY", "2023-06", null, null),
                define("INCIDENT_COUNT", "QUARTERLY", "2023-Q3", "EXTERNAL_FRAUD", null),
                define("NET_LOSS", "MONTHLY", "2023-06", null, null),
                define("NET_LOSS", "MONTHLY", "2023-06", null, "PAYMENT_AND_SETTLEMENT"));
        long seed = System.nanoTime();
        List<Integer> writes = Parallel.run(8, i -> burst(new Random(seed + i)));
        int total = writes.stream().mapToInt(Integer::intValue).sum();
        assertEquals(8 * 9, total, "every write of the burst went through (seed " + seed + ")");

        recomputes.drain();
        assertEquals(0, marks(), "the drain leaves no mark");
        for (long kri : kris) {
            Comparison comparison = compare(kri);
            assertEquals(comparison.full(), comparison.stored(), "KRI " + kri + " (seed " + seed + ")");
        }
        // The burst moved the figures at all (else the comparison proves nothing).
        Comparison counts = compare(kris.get(0));
        assertTrue(counts.stored().stream().anyMatch(v -> !v.startsWith("breach") && !v.contains("=0.0000")),
                counts.stored().toString());
    }

    @Test
    void aChangeCommittedWhileARecomputeRunsBringsAnotherRecompute() {
        long kri = define("INCIDENT_COUNT", "MONTHLY", "2024-01", "EXECUTION_DELIVERY_PROCESS", "RETAIL_BANKING");
        KriRecomputes.holdWorker = true;
        recomputes.drain();
        create("2024-05-10", "EXECUTION_DELIVERY_PROCESS", "RETAIL_BANKING");
        long before = count("2024-05-01");
        AtomicBoolean written = new AtomicBoolean();
        KriRecomputes.beforeClearing = () -> {
            KriRecomputes.beforeClearing = null;
            // Another writer commits while this round has computed May but not committed yet.
            CompletableFuture.runAsync(() -> create("2024-05-20", "EXECUTION_DELIVERY_PROCESS", "RETAIL_BANKING"))
                    .orTimeout(60, TimeUnit.SECONDS).join();
            written.set(true);
        };
        assertTrue(recomputes.round(), "the round found the first incident's mark");
        assertTrue(written.get(), "the second incident was written during the round");
        assertEquals(before, stored(kri, "2024-05"), "the round counted what was committed when it started");
        assertNotEquals(0, marks(), "the second incident's mark outlived the round that did not see it");

        KriRecomputes.holdWorker = false;
        recomputes.kick();
        long deadline = System.currentTimeMillis() + 30_000;
        while (marks() > 0 && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertEquals(0, marks(), "the worker took the mark after commit");
        assertEquals(before + 1, count("2024-05-01"));
        assertEquals(before + 1, stored(kri, "2024-05"), "the worker's round counted the second incident");
        Comparison comparison = compare(kri);
        assertEquals(comparison.full(), comparison.stored());
    }

    @Test
    void theWorkerRecomputesByItselfOnceTheChangeCommits() {
        long kri = define("INCIDENT_COUNT", "MONTHLY", "2024-01", "EXECUTION_DELIVERY_PROCESS", "RETAIL_BANKING");
        recomputes.drain();
        long before = count("2024-08-01");
        create("2024-08-12", "EXECUTION_DELIVERY_PROCESS", "RETAIL_BANKING");
        long deadline = System.currentTimeMillis() + 30_000;
        while (stored(kri, "2024-08") == before && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertEquals(before + 1, stored(kri, "2024-08"), "recomputed after commit, nobody draining");
        assertEquals(0, marks());
    }

    /** One writer's share of the burst: nine writes on incidents and lines of several classes and periods. */
    private int burst(Random random) {
        int writes = 0;
        long first = create(day(random), random.nextInt(CLASSES.length));
        long second = create(day(random), random.nextInt(CLASSES.length));
        writes += 2;
        long line = book(first, "DIRECT_CHARGE", 1000 + random.nextInt(4000), day(random));
        book(second, "DIRECT_CHARGE", 1000 + random.nextInt(4000), day(random));
        book(first, "INSURANCE_RECOVERY", 100 + random.nextInt(400), day(random));
        writes += 3;
        edit(first, random);
        edit(second, random);
        writes += 2;
        correct(first, line, random);
        writes++;
        book(second, "EXTERNAL_EXPENSE", 200 + random.nextInt(800), day(random));
        writes++;
        return writes;
    }

    /** A new request each time (a specification keeps the body it was given). */
    private static RequestSpecification officer() {
        return given().auth().preemptive().basic("officer", "demo").contentType(ContentType.JSON);
    }

    private static long create(String discovery, int kind) {
        return officer().body(incident(discovery, kind)).post("/api/incidents").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private static long create(String discovery, String category, String line) {
        Map<String, Object> body = incident(discovery, 2);
        body.put("eventCategory", category);
        body.put("businessLine", line);
        return officer().body(body).post("/api/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> incident(String discovery, int kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Recompute burst " + discovery);
        body.put("severity", "LOW");
        body.put("eventCategory", CLASSES[kind][0]);
        body.put("eventType", CLASSES[kind][1]);
        body.put("businessLine", CLASSES[kind][2]);
        body.put("orgUnit", "Operations");
        body.put("owner", "Head of Operations");
        body.put("occurrenceDate", "2023-06-01");
        body.put("discoveryDate", discovery);
        body.put("causes", List.of("PROCESS"));
        body.put("nearMiss", false);
        return body;
    }

    /** A new discovery date and class for the incident. */
    private static void edit(long id, Random random) {
        long version = officer().get("/api/incidents/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        Map<String, Object> body = incident(day(random), random.nextInt(CLASSES.length));
        body.put("version", version);
        officer().body(body).put("/api/incidents/" + id).then().statusCode(200);
    }

    private static long book(long id, String type, int amount, String date) {
        Response response = officer().body(line(type, amount, date)).post("/api/incidents/" + id + "/losses");
        response.then().statusCode(201);
        String location = response.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The line moved to another accounting date, with another amount. */
    private static void correct(long id, long lineId, Random random) {
        long version = officer().get("/api/incidents/" + id + "/losses/" + lineId).then().statusCode(200).extract()
                .jsonPath().getLong("version");
        Map<String, Object> body = line("DIRECT_CHARGE", 2000 + random.nextInt(3000), day(random));
        body.put("version", version);
        officer().body(body).put("/api/incidents/" + id + "/losses/" + lineId).then().statusCode(200);
    }

    private static Map<String, Object> line(String type, int amount, String date) {
        Map<String, Object> line = new HashMap<>();
        line.put("type", type);
        line.put("amount", amount);
        line.put("currency", "EUR");
        line.put("accountingDate", date);
        line.put("description", type + " in the burst");
        if (type.endsWith("_RECOVERY")) {
            line.put("recoveryStatus", "RECEIVED");
        }
        return line;
    }

    /** A day from July 2023 to June 2024: twelve months the writers share. */
    private static String day(Random random) {
        return LocalDate.of(2023, 7, 1).plusDays(random.nextInt(366)).toString();
    }

    private static long define(String source, String frequency, String from, String category, String line) {
        Map<String, Object> form = KriFixtures.kriForm("Recomputed " + source + " " + System.nanoTime(),
                "HIGHER_IS_WORSE", "1", "2");
        form.put("unit", "n");
        form.put("source", source);
        form.put("frequency", frequency);
        form.put("valuesFrom", from);
        form.put("eventCategory", category);
        form.put("businessLine", line);
        if (source.equals("NET_LOSS")) {
            form.put("greenLimit", "3000");
            form.put("redLimit", "8000");
        }
        return KriFixtures.define(TestSupport.session("officer"), form);
    }

    /** Stored values and breaches, and the same after a full recompute from scratch (rolled back). */
    record Comparison(List<String> stored, List<String> full) {
    }

    private Comparison compare(long kriId) {
        QuarkusTransaction.begin();
        try {
            Kri kri = Kri.findById(kriId);
            List<String> stored = snapshot(kri);
            computation.recompute(kri);
            Kri.getEntityManager().flush();
            return new Comparison(stored, snapshot(kri));
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static List<String> snapshot(Kri kri) {
        List<String> lines = new ArrayList<>();
        for (KriValue value : KriValue.of(kri)) {
            lines.add(value.periodStart + "=" + value.value.setScale(4) + " " + value.status);
        }
        for (KriBreach breach : KriBreach.of(kri)) {
            if (breach.status != BreachStatus.WITHDRAWN) {
                lines.add("breach " + breach.firstPeriod + " " + breach.firstValue.setScale(4) + " to "
                        + breach.lastRedPeriod + " " + breach.status + " " + breach.recoveredPeriod);
            }
        }
        return lines;
    }

    private static long stored(long kriId, String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Kri kri = Kri.findById(kriId);
            return KriValue.at(kri, kri.frequency.parse(period)).value.longValueExact();
        });
    }

    private static long count(String month) {
        LocalDate start = LocalDate.parse(month);
        return QuarkusTransaction.requiringNew().call(() -> Incident.count(
                "eventCategory = ?1 and businessLine = ?2 and discoveryDate >= ?3 and discoveryDate < ?4",
                EventCategory.EXECUTION_DELIVERY_PROCESS, BusinessLine.RETAIL_BANKING, start, start.plusMonths(1)));
    }

    private static long marks() {
        return QuarkusTransaction.requiringNew().call(KriMarks::count);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
