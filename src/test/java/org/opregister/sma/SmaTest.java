package org.opregister.sma;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.incident.IncidentFixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SMA page, its inputs form and its API, on the example bank's inputs and on a hand-built ledger. */
@QuarkusTest
class SmaTest {

    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static Map<String, Object> items(String each) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String item : BusinessIndicatorForm.ITEMS) {
            form.put(item, each);
        }
        form.put("source", "Test figures");
        return form;
    }

    private static void same(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + " but was "
                + actual);
    }

    private static boolean stored(int year) {
        return QuarkusTransaction.requiringNew().call(() -> BusinessIndicatorYear.forYear(year).isPresent());
    }

    private static io.restassured.response.Response put(String user, int year, Map<String, Object> body) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).body(body)
                .put("/api/reports/business-indicator/" + year);
    }

    @Test
    void everyRoleSeesTheExampleBanksCalculation() {
        for (String who : List.of("officer", "manager", "auditor", "admin")) {
            TestSupport.session(who).request().get("/reports/sma?year=2025").then().statusCode(200)
                    .body(containsString("id=\"sma-basel-orc\""), containsString("id=\"sma-eu-own-funds\""),
                            containsString("2,412,250,000.00"), containsString("331,837,500.00 EUR"),
                            containsString("id=\"sma-losses\""), containsString("OPE25.7"));
        }
        JsonPath json = given().auth().preemptive().basic("auditor", "demo").get("/api/reports/sma?year=2025")
                .then().statusCode(200).extract().jsonPath(DECIMALS);
        same("1436250000", json.get("result.assetCap"), "2.25% × average of 62,000m, 64,000m, 65,500m");
        same("1583333333.333333", ((BigDecimal) json.get("result.avgAbsNetInterest")).setScale(6,
                java.math.RoundingMode.HALF_UP), "average of |1,600m|, |1,600m|, |1,550m|");
        same("95666666.67", ((BigDecimal) json.get("result.fc")).setScale(2, java.math.RoundingMode.HALF_UP),
                "(40 + 110 + 95) / 3 + (20 + 10 + 12) / 3 millions");
        same("2412250000", ((BigDecimal) json.get("result.bi")).setScale(2, java.math.RoundingMode.HALF_UP), "BI");
        same("331837500", ((BigDecimal) json.get("result.bic")).setScale(2, java.math.RoundingMode.HALF_UP),
                "120m + 15% × 1,412.25m");
        same("331837500", ((BigDecimal) json.get("result.euOwnFunds")).setScale(2, java.math.RoundingMode.HALF_UP),
                "EU: own funds = BIC");
        same("4147968750", ((BigDecimal) json.get("result.euRwa")).setScale(2, java.math.RoundingMode.HALF_UP),
                "12.5 × BIC");
        assertEquals(List.of(2023, 2024, 2025), json.getList("inputs.year", Integer.class));
    }

    @Test
    void aBadYearShowsThePageWithAMessageAndMissingYearsAreNamedWithLinksForManagers() {
        TestSupport.session("officer").request().get("/reports/sma?year=20x5").then().statusCode(400)
                .body(containsString("id=\"sma-problem\""), containsString("20x5"));
        TestSupport.session("officer").request().get("/reports/sma?year=3000").then().statusCode(400);
        given().auth().preemptive().basic("officer", "demo").get("/api/reports/sma?year=abc").then().statusCode(400)
                .body("errors.year", containsString("abc"));
        TestSupport.session("manager").request().get("/reports/sma?year=1960").then().statusCode(200)
                .body(containsString("id=\"sma-missing\""), containsString("href=\"/reports/sma/inputs/1958\""),
                        containsString("href=\"/reports/sma/inputs/1960\""), not(containsString("sma-basel-orc")));
        TestSupport.session("auditor").request().get("/reports/sma?year=1960").then().statusCode(200)
                .body(containsString("id=\"sma-missing\""), not(containsString("href=\"/reports/sma/inputs/1958\"")));
        TestSupport.session("auditor").request().get("/reports/sma/inputs/1960").then().statusCode(200)
                .body(containsString("id=\"sma-no-inputs\""), not(containsString("id=\"sma-inputs-form\"")));
        TestSupport.session("manager").request().get("/reports/sma/inputs/19x0").then().statusCode(404);
    }

    @Test
    void theFormRefusesBadInputKeepingItAndStoringNothing() {
        Session manager = TestSupport.session("manager");
        Map<String, Object> form = items("1000");
        form.put("interestIncome", "12,34.5");
        form.put("feeExpense", "-5");
        form.put("tradingBookPnl", "-250.75");
        manager.post("/reports/sma/inputs/1985", "/reports/sma/inputs/1985", form).then().statusCode(400)
                .body(containsString("value=\"12,34.5\""), containsString("value=\"-250.75\""),
                        containsString("Enter zero or more"));
        assertFalse(stored(1985), "nothing stored");
        form.put("interestIncome", "1234.5");
        form.put("feeExpense", "5");
        manager.post("/reports/sma/inputs/1985", "/reports/sma/inputs/1985", form).then().statusCode(303);
        BusinessIndicatorYear row = QuarkusTransaction.requiringNew()
                .call(() -> BusinessIndicatorYear.forYear(1985).orElseThrow());
        same("1234.5", row.interestIncome, "stored");
        same("-250.75", row.tradingBookPnl, "a net loss of the trading book");
        assertEquals("EUR", row.currency);
        TestSupport.session("officer").post("/reports/sma/inputs/1985", "/reports/sma/inputs/1985", form).then()
                .statusCode(403);
    }

    @Test
    void theApiSetsInputsWithVersionsAndRefusesBadInputStaleVersionsAndNonManagers() {
        put("officer", 1986, items("10")).then().statusCode(403);
        put("auditor", 1986, items("10")).then().statusCode(403);
        Map<String, Object> bad = items("10");
        bad.put("interestExpense", "ten");
        bad.remove("dividendIncome");
        put("manager", 1986, bad).then().statusCode(400).body("errors.interestExpense", containsString("number"))
                .body("errors.dividendIncome", containsString("required"));
        assertFalse(stored(1986));
        Map<String, Object> good = items("10");
        good.put("bankingBookPnl", -3);
        put("manager", 1986, good).then().statusCode(200).body("version", org.hamcrest.Matchers.is(0))
                .body("year", org.hamcrest.Matchers.is(1986));
        put("manager", 1986, good).then().statusCode(409);
        good.put("version", 0);
        good.put("feeIncome", "11");
        put("manager", 1986, good).then().statusCode(200).body("version", org.hamcrest.Matchers.is(1));
        put("manager", 1986, good).then().statusCode(409);
        same("11", QuarkusTransaction.requiringNew()
                .call(() -> BusinessIndicatorYear.forYear(1986).orElseThrow().feeIncome), "the accepted change");
    }

    @Test
    void twoManagersEnteringTheSameNewYearAtOnceGetOneRowAndAConflict() {
        Session manager = TestSupport.session("manager");
        Session manager2 = TestSupport.session("manager2");
        TestSupport.Csrf first = manager.csrf("/reports/sma/inputs/1987");
        TestSupport.Csrf second = manager2.csrf("/reports/sma/inputs/1987");
        List<Integer> statuses = Parallel.run(2, i -> (i == 0 ? manager : manager2)
                .post(i == 0 ? first : second, "/reports/sma/inputs/1987", items(i == 0 ? "1" : "2")).statusCode());
        assertEquals(List.of(303, 409), statuses.stream().sorted().toList(), "the second found the first's row");
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> BusinessIndicatorYear.count("year", 1987)));
    }

    /**
     * A ledger built by hand in 1991–2000 (no other test books there). Yearly nets of the data set:
     * 1991 +100,000 (event A); 1993 −30,000 (A's insurance recovery received two years later); 1994 +15,000 (root
     * event B, below the threshold alone); 1995 +10,000 (C, grouped under B: B's aggregated net 25,000 ≥ 20,000);
     * 1996 nothing (E is a credit-boundary loss); 2000 +40,000 (F). D (5,000 in 1994) is below the threshold.
     * Total 135,000 over ten years: average 13,500, LC 202,500.
     */
    @Test
    void theLossComponentComesFromTheDataSetByAccountingYear() {
        Session officer = TestSupport.session("officer");
        long a = incident(officer, "SMA ledger A", "1991-03-01", null, false);
        IncidentFixtures.addLoss(officer, a, IncidentFixtures.lossForm("DIRECT_CHARGE", "100000", "EUR", "",
                "1991-03-01"));
        IncidentFixtures.addLoss(officer, a, IncidentFixtures.lossForm("INSURANCE_RECOVERY", "30000", "EUR", "",
                "1993-05-01"));
        long b = incident(officer, "SMA ledger B", "1994-02-01", null, false);
        IncidentFixtures.addLoss(officer, b, IncidentFixtures.lossForm("DIRECT_CHARGE", "15000", "EUR", "",
                "1994-02-01"));
        String bReference = QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.incident.Incident.<org.opregister.incident.Incident>findById(b).reference);
        long c = incident(officer, "SMA ledger C", "1995-06-01", bReference, false);
        IncidentFixtures.addLoss(officer, c, IncidentFixtures.lossForm("DIRECT_CHARGE", "10000", "EUR", "",
                "1995-06-01"));
        long d = incident(officer, "SMA ledger D", "1994-03-01", null, false);
        IncidentFixtures.addLoss(officer, d, IncidentFixtures.lossForm("DIRECT_CHARGE", "5000", "EUR", "",
                "1994-03-01"));
        long e = incident(officer, "SMA ledger E", "1996-01-10", null, true);
        IncidentFixtures.addLoss(officer, e, IncidentFixtures.lossForm("DIRECT_CHARGE", "500000", "EUR", "",
                "1996-01-10"));
        long f = incident(officer, "SMA ledger F", "2000-06-30", null, false);
        IncidentFixtures.addLoss(officer, f, IncidentFixtures.lossForm("DIRECT_CHARGE", "40000", "EUR", "",
                "2000-06-30"));
        for (int year = 1998; year <= 2000; year++) {
            Map<String, Object> body = items("0");
            body.put("tradingBookPnl", "2000000000");
            if (!stored(year)) {
                put("manager", year, body).then().statusCode(200);
            }
        }

        JsonPath json = given().auth().preemptive().basic("officer", "demo").get("/api/reports/sma?year=2000")
                .then().statusCode(200).extract().jsonPath(DECIMALS);
        assertEquals(1991, json.getInt("firstLossYear"), "collection began with A's first line");
        assertEquals(List.of(1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000),
                json.getList("result.lossYears.year", Integer.class));
        assertEquals(List.of(1, 0, 1, 1, 1, 0, 0, 0, 0, 1), json.getList("result.lossYears.events", Integer.class));
        List<BigDecimal> nets = json.getList("result.lossYears.net", BigDecimal.class);
        List<String> expected = List.of("100000", "0", "-30000", "15000", "10000", "0", "0", "0", "0", "40000");
        for (int i = 0; i < expected.size(); i++) {
            same(expected.get(i), nets.get(i), "net of " + (1991 + i));
        }
        same("100000", json.getList("result.lossYears.gross", BigDecimal.class).get(0), "gross 1991");
        same("30000", json.getList("result.lossYears.recoveries", BigDecimal.class).get(2), "recovery 1993");
        same("135000", json.get("result.lossTotal"), "total");
        same("13500", json.get("result.averageAnnualLoss"), "135,000 / 10");
        same("202500", json.get("result.lc"), "15 × 13,500");
        same("270000000", json.get("result.bic"), "BI 2bn");
        assertEquals("FULL", json.getString("result.lossHistory"));
        assertEquals("FROM_LOSSES", json.getString("result.baselIlmRule"));
        assertTrue(((BigDecimal) json.get("result.baselIlm")).compareTo(new BigDecimal("0.55")) < 0,
                "a small loss history gives an ILM well below 1");
        TestSupport.session("officer").request().get("/reports/sma?year=2000").then().statusCode(200)
                .body(containsString("id=\"sma-lc\">202,500.00"), containsString("id=\"sma-ilm-trace\""));
    }

    private static long incident(Session officer, String title, String date, String rootEvent, boolean credit) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("occurrenceDate", date);
        form.put("discoveryDate", date);
        if (rootEvent != null) {
            form.put("rootEvent", rootEvent);
        }
        if (credit) {
            form.put("creditBoundary", "true");
        }
        return IncidentFixtures.record(officer, form);
    }
}
