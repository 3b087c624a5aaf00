package org.opregister.kri;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not part of the suite (no Test suffix): incident creation and loss-line booking rates through the HTML forms with
 * no computed KRI, with two, and with none again, on the generated data of {@code bench/generate-incidents.sql}.
 * {@code DB_URL=jdbc:h2:file:target/kri-bench/oprisk ./mvnw test -Dtest=KriWriteBenchmark -Dbench.incidents=10000};
 * on PostgreSQL ({@code DB_KIND=postgresql DB_URL=jdbc:postgresql://...}) it loads
 * {@code generate-incidents-postgresql.sql}.
 */
@QuarkusTest
class KriWriteBenchmark {

    private static final int WRITES = Integer.getInteger("bench.writes", 150);

    @Inject
    KriRecomputes recomputes;

    @Inject
    KriComputation computation;

    @Test
    void writeRatesWithAndWithoutComputedKris() throws IOException {
        int incidents = Integer.getInteger("bench.incidents", 10_000);
        load(incidents);
        TestSupport.Session officer = TestSupport.session("officer");
        Csrf csrf = officer.csrf("/incidents/new");
        List<String> report = new ArrayList<>();
        long total = QuarkusTransaction.requiringNew().call(() -> Incident.count());
        report.add("incidents in the register: " + total + ", writes per phase: " + WRITES);

        phase("warm-up", officer, csrf, new Random(0), report);
        Map<String, Object> count = KriFixtures.kriForm("Bench incidents", "HIGHER_IS_WORSE", "100", "200");
        count.put("source", "INCIDENT_COUNT");
        count.put("valuesFrom", KriFrequency.MONTHLY.label(LocalDate.now().minusYears(10)));
        Map<String, Object> loss = KriFixtures.kriForm("Bench net loss", "HIGHER_IS_WORSE", "1000000", "5000000");
        loss.put("source", "NET_LOSS");
        loss.put("valuesFrom", KriFrequency.MONTHLY.label(LocalDate.now().minusYears(10)));
        long started = System.nanoTime();
        long k1 = KriFixtures.define(officer, count);
        long k2 = KriFixtures.define(officer, loss);
        report.add(String.format("two KRIs defined (each computed in full, 120 months): %.0f ms",
                (System.nanoTime() - started) / 1e6));
        // Phases alternate (none, two, none, two) so that the machine's other load falls on both alike.
        double[] none = new double[2];
        double[] two = new double[2];
        for (int round = 0; round < 4; round++) {
            boolean active = round % 2 == 1;
            setStatus(active ? "ACTIVE" : "RETIRED", k1, k2);
            long rounds = recomputes.rounds();
            double[] rates = phase(active ? "two computed KRIs" : "no computed KRI", officer, csrf,
                    new Random(round + 1), report);
            double[] sum = active ? two : none;
            sum[0] += rates[0] / 2;
            sum[1] += rates[1] / 2;
            if (active) {
                started = System.nanoTime();
                recomputes.drain();
                report.add(String.format("  recompute rounds during the phase: %d; drain after it: %.0f ms",
                        recomputes.rounds() - rounds, (System.nanoTime() - started) / 1e6));
                for (long kri : List.of(k1, k2)) {
                    assertEquals(full(kri), stored(kri), "KRI " + kri + " equals a full recompute");
                }
                report.add("  after the drain both KRIs equal a full recompute");
            }
        }
        report.add(String.format("mean: none %.1f incidents/s, %.1f lines/s; two %.1f incidents/s, %.1f lines/s",
                none[0], none[1], two[0], two[1]));
        report.add(String.format("ratio with two computed KRIs: incidents %.2f, lines %.2f", two[0] / none[0],
                two[1] / none[1]));
        report.forEach(System.out::println);
        Files.write(Path.of("target/kri-bench.txt"), report);
    }

    /** Retired KRIs are not computed; made active again they are brought up to date first (not timed). */
    private void setStatus(String status, long k1, long k2) {
        QuarkusTransaction.requiringNew().run(() -> Kri.getEntityManager()
                .createNativeQuery("update kri set status = ?1 where id in (?2, ?3)").setParameter(1, status)
                .setParameter(2, k1).setParameter(3, k2).executeUpdate());
        if (status.equals("ACTIVE")) {
            QuarkusTransaction.requiringNew().run(() -> List.of(k1, k2).forEach(id -> computation.recompute(
                    Kri.<Kri>findById(id))));
        }
    }

    /** Creates incidents, then books a line on each, one after the other; answers both rates per second. */
    private double[] phase(String name, TestSupport.Session officer, Csrf csrf, Random random, List<String> report) {
        List<Long> ids = new ArrayList<>();
        List<LocalDate> discovered = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            Map<String, Object> form = IncidentFixtures.incidentForm("Bench " + name + " " + i);
            LocalDate discovery = LocalDate.now().minusDays(1 + random.nextInt(3000));
            form.put("occurrenceDate", discovery.minusDays(1).toString());
            form.put("discoveryDate", discovery.toString());
            Response response = officer.post(csrf, "/incidents", form);
            assertEquals(303, response.statusCode());
            String location = response.header("Location");
            ids.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
            discovered.add(discovery);
        }
        double incidents = WRITES / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> line = IncidentFixtures.lossForm("DIRECT_CHARGE",
                    String.valueOf(100 + random.nextInt(9000)), "EUR", "1", discovered.get(i).toString());
            assertEquals(303, officer.post(csrf, "/incidents/" + ids.get(i) + "/losses", line).statusCode());
        }
        double lines = WRITES / ((System.nanoTime() - started) / 1e9);
        report.add(String.format("%s: %.1f incidents/s, %.1f lines/s", name, incidents, lines));
        System.out.println(report.get(report.size() - 1));
        return new double[]{incidents, lines};
    }

    private void load(int incidents) throws IOException {
        boolean loaded = QuarkusTransaction.requiringNew()
                .call(() -> Incident.count("reference like 'BEN-%'") >= incidents);
        if (loaded) {
            return;
        }
        boolean postgres = ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class)
                .equals("postgresql");
        String generator = postgres ? "bench/generate-incidents-postgresql.sql" : "bench/generate-incidents.sql";
        String script = Files.readString(Path.of(generator)).replace("${count}", String.valueOf(incidents));
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> Incident.getEntityManager().unwrap(Session.class)
                .doWork(connection -> {
                    try (var statement = connection.createStatement()) {
                        for (String sql : script.split(";\\s*\\n")) {
                            String body = sql.lines().filter(l -> !l.startsWith("--")).reduce("",
                                    (a, b) -> a + "\n" + b).trim();
                            if (!body.isEmpty()) {
                                // VACUUM cannot run in a transaction; its ANALYZE can.
                                statement.execute(body.replaceFirst("^VACUUM ANALYZE", "ANALYZE"));
                            }
                        }
                    }
                }));
    }

    private List<String> stored(long kriId) {
        return QuarkusTransaction.requiringNew().call(() -> values(Kri.findById(kriId)));
    }

    private List<String> full(long kriId) {
        QuarkusTransaction.begin();
        try {
            Kri kri = Kri.findById(kriId);
            computation.recompute(kri);
            Kri.getEntityManager().flush();
            return values(kri);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static List<String> values(Kri kri) {
        return KriValue.of(kri).stream().map(v -> v.periodStart + "=" + v.value.setScale(4) + " " + v.status).toList();
    }
}
