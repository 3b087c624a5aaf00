package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A typed-in KRI whose value for an ended period is past due shows "value missing", not its last colour. */
@QuarkusTest
class KriMissingValueTest {

    private static Session officer() {
        return TestSupport.session("officer");
    }

    private static ValuesDue due(long kriId, LocalDate today, int dueDays) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ValuesDue due = ValuesDue.of(Kri.findById(kriId), today, dueDays);
            due.kri().reference.length();
            return due;
        });
    }

    /** The summary under the KRI's name: its latest value and status. */
    private static String latest(String page) {
        int start = page.indexOf("id=\"latest\"");
        return page.substring(start, page.indexOf("</div>", start));
    }

    private static String reference(long kriId) {
        return QuarkusTransaction.requiringNew().call(() -> Kri.<Kri>findById(kriId).reference);
    }

    @Test
    void aKriWhoseLastValueIsOldShowsValueMissingInsteadOfGreen() {
        long id = KriFixtures.define(officer(), "Stale monthly KRI");
        KriFixtures.record(officer(), id, "2024-01", "10").then().statusCode(303);
        KriFixtures.record(officer(), id, "2024-03", "12").then().statusCode(303);
        String reference = reference(id);

        officer().request().get("/kris?q=" + reference).then().statusCode(200)
                .body(containsString("Value missing")).body(containsString("from 2024-02"))
                .body(not(containsString("kri-badge kri-green")));
        String page = officer().request().get("/kris/" + id).then().statusCode(200)
                .body(containsString("id=\"value-missing\""))
                .body(containsString("The value for 2024-02 was due on"))
                .body(containsString("name=\"period\" value=\"2024-02\"")).extract().asString();
        String latest = latest(page);
        assertTrue(latest.contains("Value missing"), latest);
        assertFalse(latest.contains("kri-green"), "the latest value's colour is not shown: " + latest);
        officer().request().get("/api/kris/" + id).then().statusCode(200)
                .body("valueMissingFrom", org.hamcrest.Matchers.equalTo("2024-02"));

        long missing = QuarkusTransaction.requiringNew().call(ValuesDue::kriCountMissing);
        assertTrue(missing >= 1);
        officer().request().get("/").then().statusCode(200)
                .body(containsString(missing + " KRI" + (missing == 1 ? "" : "s") + " missing a value past"))
                .body(containsString("href=\"/kris?status=ACTIVE\""));

        KriFixtures.record(officer(), id, "2024-02", "11").then().statusCode(303);
        officer().request().get("/kris/" + id).then().statusCode(200)
                .body(containsString("The value for 2024-04 was due on"))
                .body(containsString("name=\"period\" value=\"2024-04\""));
    }

    @Test
    void aValueIsMissingOnlyOnceItsDueDaysAfterThePeriodHavePassed() {
        long id = KriFixtures.define(officer(), "KRI with a grace period");
        KriFixtures.record(officer(), id, "2025-01", "10").then().statusCode(303);

        ValuesDue inTime = due(id, LocalDate.of(2025, 3, 15), 15);
        assertEquals(1, inTime.open().size(), "February has ended and has no value");
        assertFalse(inTime.anyMissing(), "due on 15 March: not missing on that day");
        ValuesDue late = due(id, LocalDate.of(2025, 3, 16), 15);
        assertEquals("2025-02", late.oldestMissing());
        assertEquals(LocalDate.of(2025, 3, 15), late.oldestDueDate());
        assertEquals(1, late.missing());
        assertEquals(5, due(id, LocalDate.of(2025, 7, 16), 15).missing(), "February to June");
        assertFalse(due(id, LocalDate.of(2025, 2, 10), 15).anyMissing(), "January is due on 15 February");
    }

    @Test
    void aKriUpToDateKeepsItsColourAndComputedOrRetiredKrisAreNeverMissing() {
        long current = KriFixtures.define(officer(), "KRI kept up to date");
        LocalDate lastEnded = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        String period = String.format("%d-%02d", lastEnded.getYear(), lastEnded.getMonthValue());
        KriFixtures.record(officer(), current, period, "10").then().statusCode(303);
        String page = officer().request().get("/kris/" + current).then().statusCode(200)
                .body(not(containsString("Value missing"))).extract().asString();
        assertTrue(latest(page).contains("kri-badge kri-green"), latest(page));

        Map<String, Object> form = KriFixtures.kriForm("Computed incident count", "HIGHER_IS_WORSE", "5", "10");
        form.put("source", "INCIDENT_COUNT");
        form.put("valuesFrom", "2020-01");
        long computed = KriFixtures.define(officer(), form);
        assertFalse(due(computed, LocalDate.now(), 15).anyMissing());
        officer().request().get("/kris/" + computed).then().statusCode(200).body(not(containsString("Value missing")));

        long retired = KriFixtures.define(officer(), "Retired stale KRI");
        KriFixtures.record(officer(), retired, "2024-01", "10").then().statusCode(303);
        assertTrue(due(retired, LocalDate.now(), 15).anyMissing());
        QuarkusTransaction.requiringNew().run(() -> Kri.<Kri>findById(retired).status = KriActivity.RETIRED);
        assertFalse(due(retired, LocalDate.now(), 15).anyMissing());
    }

    @Test
    void theTrendsOfAPageReadTogetherAreEachKrisOwn() {
        long three = KriFixtures.define(officer(), "Three values");
        KriFixtures.record(officer(), three, "2024-01", "10").then().statusCode(303);
        KriFixtures.record(officer(), three, "2024-03", "15").then().statusCode(303);
        KriFixtures.record(officer(), three, "2024-02", "20").then().statusCode(303);
        long one = KriFixtures.define(officer(), "One value");
        KriFixtures.record(officer(), one, "2024-05", "7").then().statusCode(303);
        long none = KriFixtures.define(officer(), "No value");
        QuarkusTransaction.requiringNew().run(() -> {
            List<KriTrend> trends = KriTrend.of(List.of(Kri.findById(three), Kri.findById(one), Kri.findById(none)));
            assertEquals(List.of(three, one, none), trends.stream().map(trend -> trend.kri().id).toList());
            assertEquals(0, new BigDecimal("15").compareTo(trends.get(0).latest().value));
            assertEquals(0, new BigDecimal("20").compareTo(trends.get(0).previous().value));
            assertEquals("down", trends.get(0).arrow());
            assertEquals(0, new BigDecimal("7").compareTo(trends.get(1).latest().value));
            assertNull(trends.get(1).previous());
            assertNull(trends.get(2).latest());
            assertEquals(LocalDate.of(2024, 4, 1), trends.get(0).due().open().get(0),
                    "April has no value: the first period due after March's");
            assertTrue(trends.get(1).due().open().contains(LocalDate.of(2024, 6, 1)));
        });
    }
}
