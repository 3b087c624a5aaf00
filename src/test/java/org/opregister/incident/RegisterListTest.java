package org.opregister.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.lossForm;

/** The register list: filters kept in the URL, sorting, server-side paging, count and summed net loss. */
@QuarkusTest
class RegisterListTest {

    @Test
    void filtersSortAndTotals() {
        Session officer = TestSupport.session("officer");
        String tag = "zebrafilter";
        long a = recordWith(officer, tag + " alpha", "EXTERNAL_FRAUD", "SYSTEMS_SECURITY", "RETAIL_BANKING",
                "2025-01-10");
        long b = recordWith(officer, tag + " beta", "EXTERNAL_FRAUD", "EXTERNAL_THEFT_AND_FRAUD", "ASSET_MANAGEMENT",
                "2025-02-10");
        long c = recordWith(officer, tag + " gamma", "BUSINESS_DISRUPTION", "SYSTEMS", "RETAIL_BANKING", "2025-03-10");
        addLoss(officer, a, lossForm("DIRECT_CHARGE", "1000", "EUR", "1", "2025-03-31"));
        addLoss(officer, b, lossForm("DIRECT_CHARGE", "300", "EUR", "1", "2025-03-31"));
        addLoss(officer, c, lossForm("DIRECT_CHARGE", "50", "EUR", "1", "2025-03-31"));
        IncidentFixtures.transition(officer, c, "open");

        assertEquals(List.of("gamma", "beta", "alpha"), titles(officer, "q=" + tag));
        assertEquals(List.of("alpha", "beta"),
                titles(officer, "q=" + tag + "&eventType=EXTERNAL_FRAUD&sort=occurrenceDate"));
        assertEquals(List.of("beta"), titles(officer, "q=" + tag + "&eventType=EXTERNAL_THEFT_AND_FRAUD"));
        assertEquals(List.of("gamma", "alpha"), titles(officer, "q=" + tag + "&businessLine=RETAIL_BANKING"));
        assertEquals(List.of("gamma"), titles(officer, "q=" + tag + "&status=OPEN"));
        assertEquals(List.of("beta"), titles(officer, "q=" + tag + "&from=2025-02-01&to=2025-02-28"));
        assertEquals(List.of("alpha", "beta", "gamma"), titles(officer, "q=" + tag + "&sort=-netLoss"));
        assertEquals(List.of("gamma", "beta", "alpha"), titles(officer, "q=" + tag + "&sort=netLoss"));

        JsonPath page = api(officer, "q=" + tag + "&eventType=EXTERNAL_FRAUD");
        assertEquals(2, page.getInt("total"));
        assertEquals(0, new java.math.BigDecimal("1300.00")
                .compareTo(new java.math.BigDecimal(page.getString("netLossTotal"))));

        officer.request().get("/incidents?q=" + tag + "&eventType=EXTERNAL_FRAUD").then().statusCode(200)
                .body(containsString("<strong id=\"total-count\">2</strong>"))
                .body(containsString("1,300.00 EUR"))
                // sort links and the export link keep the filters
                .body(containsString("/incidents/export.csv?q=" + tag + "&amp;eventType=EXTERNAL_FRAUD"))
                .body(containsString("sort=reference"));
    }

    /** One incident made by {@link #aListFilteredByOneValuePagesInTheSortsOrder}. */
    private record Made(String title, long id, LocalDate occurred, boolean open, boolean retail) {
    }

    /**
     * A list filtered by one column of the incident is ordered with that column first (so H2 reads the column's
     * index in order): the pages must still hold exactly the matches, by occurrence date, ties by id, both ways.
     */
    @Test
    void aListFilteredByOneValuePagesInTheSortsOrder() {
        Session officer = TestSupport.session("officer");
        String tag = "fixedordertag";
        String[] days = {"2025-01-03", "2025-01-01", "2025-01-03", "2025-01-02", "2025-01-01", "2025-01-03"};
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            boolean retail = i < 4;
            long id = recordWith(officer, tag + " " + i, "BUSINESS_DISRUPTION", "SYSTEMS",
                    retail ? "RETAIL_BANKING" : "ASSET_MANAGEMENT", days[i]);
            boolean open = i != 5;
            if (open) {
                IncidentFixtures.transition(officer, id, "open");
            }
            made.add(new Made(tag + " " + i, id, LocalDate.parse(days[i]), open, retail));
        }
        Map<String, Predicate<Made>> filters = new LinkedHashMap<>();
        filters.put("status=OPEN", Made::open);
        filters.put("status=OPEN&businessLine=ASSET_MANAGEMENT&classifyBy=EVENT", m -> m.open() && !m.retail());
        filters.put("businessLine=RETAIL_BANKING", Made::retail);
        filters.put("eventType=SYSTEMS", m -> true);
        filters.put("eventType=BUSINESS_DISRUPTION", m -> true);
        filters.put("eventType=SYSTEMS&status=OPEN&businessLine=RETAIL_BANKING", m -> m.open() && m.retail());
        Comparator<Made> oldestFirst = Comparator.comparing(Made::occurred).thenComparingLong(Made::id);
        filters.forEach((filter, matches) -> {
            for (boolean newestFirst : new boolean[]{false, true}) {
                List<String> want = made.stream().filter(matches)
                        .sorted(newestFirst ? oldestFirst.reversed() : oldestFirst).map(Made::title).toList();
                List<String> paged = new ArrayList<>();
                for (int page = 1; page <= (want.size() + 1) / 2; page++) {
                    JsonPath rows = api(officer, "q=" + tag + "&" + filter + "&size=2&page=" + page + "&sort="
                            + (newestFirst ? "-" : "") + "occurrenceDate");
                    assertEquals(want.size(), rows.getInt("total"), filter);
                    paged.addAll(rows.getList("items.title"));
                }
                assertEquals(want, paged, filter + (newestFirst ? ", newest first" : ", oldest first"));
            }
        });
    }

    @Test
    void pagesAreServedFromTheServer() {
        Session officer = TestSupport.session("officer");
        String tag = "pagingtag";
        for (int i = 1; i <= 5; i++) {
            recordWith(officer, tag + " " + i, "BUSINESS_DISRUPTION", "SYSTEMS", "RETAIL_BANKING", "2025-01-0" + i);
        }
        JsonPath first = api(officer, "q=" + tag + "&size=2&page=1&sort=occurrenceDate");
        JsonPath third = api(officer, "q=" + tag + "&size=2&page=3&sort=occurrenceDate");
        assertEquals(5, first.getInt("total"));
        assertEquals(List.of(tag + " 1", tag + " 2"), first.getList("items.title"));
        assertEquals(List.of(tag + " 5"), third.getList("items.title"));
        officer.request().get("/incidents?q=" + tag + "&size=2&page=2&sort=occurrenceDate").then().statusCode(200)
                .body(containsString("Rows 3-4 of 5"))
                .body(containsString("Page 2 of 3"));
        // Absurd paging values fall back to sane ones rather than failing.
        officer.request().get("/incidents?q=" + tag + "&size=100000&page=-3").then().statusCode(200)
                .body(containsString("Rows 1-5 of 5"));
    }

    @Test
    void badFilterValuesAreReportedNotFailed() {
        Session auditor = TestSupport.session("auditor");
        auditor.request().get("/incidents?from=yesterday&status=LOST&eventType=NOPE").then().statusCode(400)
                .body(containsString("Enter a date as YYYY-MM-DD"))
                .body(containsString("value=\"yesterday\""));
        auditor.request().get("/incidents?from=2025-02-01&to=2025-01-01").then().statusCode(400)
                .body(containsString("The end date is before the start date"));
        auditor.request().get("/incidents?sort=password").then().statusCode(200);
        auditor.request().get("/incidents?q=%25%27%20or%20zzqx%3D1--").then().statusCode(200)
                .body(containsString("No incidents match"));
    }

    @Test
    void searchTreatsWildcardsAsSeparators() {
        Session officer = TestSupport.session("officer");
        recordWith(officer, "percent 100% literal", "BUSINESS_DISRUPTION", "SYSTEMS", "RETAIL_BANKING", "2025-01-01");
        assertEquals(1, search(officer, "100% literal"));
        assertEquals(0, search(officer, "_ercent 100"));
        // % and _ separate words like any other punctuation: "perc%nt" asks for words starting "perc" and "nt"
        assertEquals(1, search(officer, "percent%literal"));
        assertEquals(0, search(officer, "perc%nt literal"));
        assertEquals(0, search(officer, "perc_nt literal"));
        officer.request().get("/incidents?q=percent").then().body(not(containsString("??")));
    }

    static long recordWith(Session officer, String title, String category, String type, String line, String occurred) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("eventCategory", category);
        form.put("eventType", type);
        form.put("businessLine", line);
        form.put("occurrenceDate", occurred);
        form.put("discoveryDate", occurred);
        return IncidentFixtures.record(officer, form);
    }

    private static List<String> titles(Session session, String query) {
        List<String> titles = api(session, query).getList("items.title");
        String prefix = titles.isEmpty() ? "" : titles.get(0).substring(0, titles.get(0).indexOf(' ') + 1);
        assertTrue(titles.stream().allMatch(t -> t.startsWith(prefix)));
        return titles.stream().map(t -> t.substring(prefix.length())).toList();
    }

    private static int search(Session session, String text) {
        return session.request().queryParam("q", text).get("/api/incidents").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }

    private static JsonPath api(Session session, String query) {
        return session.request().get("/api/incidents?" + query).then().statusCode(equalTo(200)).extract().jsonPath();
    }
}
