package org.opregister.reference;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FX rate table over HTTP: ECB and plain imports with their figures, re-imports, bad files, manual rates. */
@QuarkusTest
class FxRateTest {

    static final String ECB_1951 = """
            Date,USD,JPY,GBP,HRK,
            1951-03-31,1.0823,161.23,0.8532,N/A,
            1951-03-30,1.0800,160.00,0.8500,7.5,
            """;

    @Test
    void anEcbFileGivesRatesIntoTheChosenBaseAndTheLatestEarlierRateApplies() {
        Session manager = TestSupport.session("manager");
        upload(manager, "EUR", ECB_1951).then().statusCode(303);
        assertRate("0.9239582371", "USD", "EUR", "1951-03-31");
        assertRate("0.0062023197", "JPY", "EUR", "1951-03-31");
        assertRate("0.0062023197", "JPY", "EUR", "1951-06-01");
        assertRate("0.00625", "JPY", "EUR", "1951-03-30");
        assertEquals(Optional.empty(), quote("JPY", "EUR", "1951-03-29"), "no rate before the first day");
        assertRate("1", "EUR", "EUR", "1951-03-29");
        assertEquals(null, quote("HRK", "EUR", "1951-03-30").orElse(null), "a withdrawn currency's column is left out");

        upload(manager, "GBP", ECB_1951).then().statusCode(303);
        assertRate("0.8532", "EUR", "GBP", "1951-03-31");
        assertRate("0.7883211679", "USD", "GBP", "1951-03-31");
        assertRate("0.0052918191", "JPY", "GBP", "1951-03-31");
        assertEquals(FxSource.ECB_FILE, quote("USD", "GBP", "1951-03-31").orElseThrow().source());
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndAChangedValueIsReplacedAndAudited() {
        Session manager = TestSupport.session("manager");
        String file = "currency,date,rate\nUSD,1954-01-02,0.91\nCHF,1954-01-02,1.05\n";
        upload(manager, "EUR", file).then().statusCode(303);
        long audited = audited();
        long version = version("USD", "1954-01-02");
        upload(manager, "EUR", file).then().statusCode(303);
        assertEquals(version, version("USD", "1954-01-02"), "the same value is left alone");
        assertEquals(audited, audited(), "nothing to audit");
        upload(manager, "EUR", "USD,1954-01-02,0.92\nCHF,1954-01-02,1.05\n").then().statusCode(303);
        assertRate("0.92", "USD", "EUR", "1954-01-02");
        assertEquals(audited + 1, audited(), "the replaced rate is in the audit trail");
        manager.request().get("/fx-rates?currency=USD&from=1954-01-01&to=1954-12-31").then().statusCode(200)
                .body(containsString("0.92"));
    }

    @Test
    void everyBadLineIsReportedAndNothingIsStored() {
        Session manager = TestSupport.session("manager");
        String file = "currency,date,rate\nUSD,1952-01-02,0.91\nXXX,1952-01-02,1\nGBP,1952-02-30,1.1\n"
                + "JPY,1952-01-02,0\nUSD,1952-01-02,0.91\n";
        upload(manager, "EUR", file).then().statusCode(400)
                .body(containsString("Line 3:"))
                .body(containsString("XXX is not an active ISO 4217 currency code."))
                .body(containsString("Line 4:")).body(containsString("Bad date"))
                .body(containsString("Line 5:")).body(containsString("must be above zero"))
                .body(containsString("Line 6:")).body(containsString("appears more than once"))
                .body(not(containsString("Line 2:")));
        assertEquals(Optional.empty(), quote("USD", "EUR", "1952-12-31"), "nothing stored");
        upload(manager, "XTS", "USD,1952-01-02,0.91\n").then().statusCode(400).body(containsString("XTS is not"));
        upload(manager, "EUR", "").then().statusCode(400).body(containsString("holds no rates"));
    }

    @Test
    void aManagerTypesARateWithAReasonAndItIsFlaggedManual() {
        Session manager = TestSupport.session("manager");
        Map<String, Object> form = Map.of("base", "EUR", "currency", "sek", "rateDate", "1955-05-05", "rate",
                "0.0871");
        manager.post("/fx-rates", "/fx-rates", form).then().statusCode(400).body(containsString("required"));
        assertEquals(Optional.empty(), quote("SEK", "EUR", "1955-05-05"));
        Map<String, Object> withReason = new java.util.HashMap<>(form);
        withReason.put("reason", "Bank fixing, ECB file missing that day");
        manager.post("/fx-rates", "/fx-rates", withReason).then().statusCode(303);
        FxRate.Quote quote = quote("SEK", "EUR", "1955-05-05").orElseThrow();
        assertEquals(0, new BigDecimal("0.0871").compareTo(quote.rate()));
        assertTrue(quote.manual());
        withReason.put("currency", "EUR");
        manager.post("/fx-rates", "/fx-rates", withReason).then().statusCode(400)
                .body(containsString("always 1"));
        withReason.put("currency", "XAU");
        manager.post("/fx-rates", "/fx-rates", withReason).then().statusCode(400)
                .body(containsString("XAU is not an active"));
    }

    @Test
    void officersAndAuditorsReadManagersWriteAdminsDoNotSeeIt() {
        Session officer = TestSupport.session("officer");
        officer.request().get("/fx-rates").then().statusCode(200).body(containsString("units of the base currency"))
                .body(not(containsString("id=\"rate-form\"")));
        officer.post("/account/password", "/fx-rates", Map.of("base", "EUR", "currency", "USD", "rateDate",
                "1955-01-01", "rate", "1", "reason", "x")).then().statusCode(403);
        TestSupport.session("auditor").request().get("/fx-rates/export.csv?currency=USD").then().statusCode(200)
                .body(containsString("base_currency,currency,rate_date,rate,source,reason,updated_by,updated_at"));
        TestSupport.session("manager").request().get("/fx-rates").then().statusCode(200)
                .body(containsString("id=\"rate-form\"")).body(containsString("id=\"upload-form\""));
        TestSupport.session("admin").request().get("/fx-rates").then().statusCode(403);
        TestSupport.session("manager").request().get("/fx-rates?from=bad").then().statusCode(400);
    }

    static Response upload(Session session, String base, String csv) {
        Csrf csrf = session.csrf("/fx-rates");
        return session.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("base", base)
                .multiPart("file", "rates.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/fx-rates/upload");
    }

    static Optional<FxRate.Quote> quote(String currency, String base, String date) {
        return QuarkusTransaction.requiringNew().call(() -> FxRate.on(currency, base, LocalDate.parse(date)));
    }

    static void assertRate(String expected, String currency, String base, String date) {
        BigDecimal rate = quote(currency, base, date).orElseThrow(() -> new AssertionError("no rate " + currency))
                .rate();
        assertEquals(0, new BigDecimal(expected).compareTo(rate), currency + "/" + base + " " + date + ": " + rate);
    }

    private static long version(String currency, String date) {
        return QuarkusTransaction.requiringNew()
                .call(() -> FxRate.at("EUR", currency, LocalDate.parse(date)).orElseThrow().version);
    }

    private static long audited() {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("recordType = ?1 and action = ?2", "FxRate", AuditAction.UPDATE));
    }
}
