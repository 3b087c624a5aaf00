package org.opregister.dora;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Delegated Regulation 2025/301, Art. 5: the worked example, the 24-hour cap, late classification, weekends. */
class ReportingClockTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A credit institution: no weekend relief for initial and intermediate reports (Art. 5(5)). */
    private static final ReportingClock BANK = new ReportingClock(PARIS, Set.of(), false);
    /** An entity with the relief at every stage. */
    private static final ReportingClock OTHER = new ReportingClock(PARIS, Set.of(LocalDate.of(2024, 8, 15)), true);

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void theWorkedExample() {
        assertEquals(at("2024-07-19T11:10:00Z"),
                BANK.initialDue(at("2024-07-19T04:21:00Z"), at("2024-07-19T07:10:00Z")));
        assertEquals(at("2024-07-22T10:45:00Z"), BANK.intermediateDue(at("2024-07-19T10:45:00Z")));
        // One month after the updated intermediate report of Wed 24 July 19:00 Paris: Sat 24 August, so noon of
        // Monday 26 August in Paris (Art. 5(4) applies to the final report of a credit institution).
        assertEquals(at("2024-08-26T10:00:00Z"), BANK.finalDue(at("2024-07-24T17:00:00Z")));
    }

    @Test
    void noLaterThan24HoursAfterBecomingAware() {
        assertEquals(at("2024-07-20T04:21:00Z"),
                BANK.initialDue(at("2024-07-19T04:21:00Z"), at("2024-07-20T02:00:00Z")));
        assertEquals(at("2024-07-20T04:21:00Z"),
                BANK.initialDue(at("2024-07-19T04:21:00Z"), at("2024-07-20T00:21:00Z")), "both limits equal");
    }

    @Test
    void classifiedMoreThan24HoursAfterAwarenessGivesFourHours() {
        assertEquals(at("2024-07-21T12:00:00Z"),
                BANK.initialDue(at("2024-07-19T04:21:00Z"), at("2024-07-21T08:00:00Z")));
    }

    @Test
    void notMajorOrNotSubmittedHasNoTimeLimit() {
        assertNull(BANK.initialDue(at("2024-07-19T04:21:00Z"), null));
        assertNull(BANK.intermediateDue(null));
        assertNull(BANK.finalDue(null));
    }

    @Test
    void weekendReliefOnlyWhereArticle5Gives() {
        // Classified Saturday 20 July 2024 09:00 Paris: due 13:00 Paris on the Saturday for a credit institution.
        Instant aware = at("2024-07-20T06:00:00Z");
        Instant classified = at("2024-07-20T07:00:00Z");
        assertEquals(at("2024-07-20T11:00:00Z"), BANK.initialDue(aware, classified));
        // Others: noon of Monday 22 July in Paris.
        assertEquals(at("2024-07-22T10:00:00Z"), OTHER.initialDue(aware, classified));
        // An intermediate report falling on Sunday 21 July.
        assertEquals(at("2024-07-21T08:00:00Z"), BANK.intermediateDue(at("2024-07-18T08:00:00Z")));
        assertEquals(at("2024-07-22T10:00:00Z"), OTHER.intermediateDue(at("2024-07-18T08:00:00Z")));
        // A working day keeps its time.
        assertEquals(at("2024-07-23T08:00:00Z"), OTHER.intermediateDue(at("2024-07-20T08:00:00Z")));
    }

    @Test
    void aBankHolidayMovesToNoonOfTheNextWorkingDay() {
        // Thursday 15 August 2024 configured as a holiday: noon of Friday 16 August.
        assertEquals(at("2024-08-16T10:00:00Z"), OTHER.finalDue(at("2024-07-15T06:00:00Z")));
        // Without it, the time limit stays on the Thursday.
        assertEquals(at("2024-08-15T06:00:00Z"), BANK.finalDue(at("2024-07-15T06:00:00Z")));
    }

    @Test
    void aFridayHolidayBeforeAWeekendGoesToMonday() {
        ReportingClock clock = new ReportingClock(PARIS, Set.of(LocalDate.of(2024, 11, 1)), false);
        assertEquals(at("2024-11-04T11:00:00Z"), clock.finalDue(at("2024-10-01T09:00:00Z")),
                "Friday 1 November (holiday), then the weekend: noon of Monday 4 November (CET)");
    }
}
