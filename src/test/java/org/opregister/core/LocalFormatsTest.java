package org.opregister.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalFormatsTest {

    private static final LocalDate OUTAGE = LocalDate.of(2024, 7, 19);

    @Test
    void englishKeepsIsoDatesAndFrenchWritesDayMonthYear() {
        assertEquals("2024-07-19", LocalFormats.date(OUTAGE, Locale.ENGLISH));
        assertEquals("19/07/2024", LocalFormats.date(OUTAGE, Locale.FRENCH));
        Instant crash = Instant.parse("2024-07-19T04:09:00Z");
        assertEquals("2024-07-19 04:09 UTC", LocalFormats.instant(crash, Locale.ENGLISH));
        assertEquals("19/07/2024 04:09 UTC", LocalFormats.instant(crash, Locale.FRENCH));
        assertEquals("19/07/2024 04:09:00 UTC", LocalFormats.instantToTheSecond(crash, Locale.FRENCH));
        assertEquals("2024-07-19 04:09:00 UTC", LocalFormats.instantToTheSecond(crash, Locale.ENGLISH));
        assertEquals("19/07/2024 06:09 CEST",
                LocalFormats.zoned(crash.atZone(ZoneId.of("Europe/Paris")), Locale.FRENCH, true));
    }

    @Test
    void datesAreReadInTheLanguageAndAlwaysAsIso() {
        assertEquals(OUTAGE, LocalFormats.parseDate("2024-07-19", Locale.ENGLISH));
        assertEquals(OUTAGE, LocalFormats.parseDate("2024-07-19", Locale.FRENCH));
        assertEquals(OUTAGE, LocalFormats.parseDate("19/07/2024", Locale.FRENCH));
        assertEquals(LocalDate.of(2024, 8, 7), LocalFormats.parseDate("7/8/2024", Locale.FRENCH));
        // English writes ISO only: 07/08/2024 would be read 8 July in some countries and 7 August in others.
        assertThrows(DateTimeParseException.class, () -> LocalFormats.parseDate("19/07/2024", Locale.ENGLISH));
        assertThrows(DateTimeParseException.class, () -> LocalFormats.parseDate("31/02/2024", Locale.FRENCH));
    }

    @Test
    void groupsOfThousandsAreTakenOutAsTheLanguageWritesThem() {
        assertEquals("641500,00", LocalFormats.plainDecimal("641 500,00", Locale.FRENCH));
        assertEquals("641500,00", LocalFormats.plainDecimal("641\u202F500,00", Locale.FRENCH));
        assertEquals("1234567.5", LocalFormats.plainDecimal("1\u00A0234\u00A0567.5", Locale.ENGLISH));
        assertEquals("641500.00", LocalFormats.plainDecimal("641,500.00", Locale.ENGLISH));
        assertEquals("1500", LocalFormats.plainDecimal("1,500", Locale.ENGLISH));
        // A lone comma is a decimal mark in French, and in English when it does not separate groups of three.
        assertEquals("1,500", LocalFormats.plainDecimal("1,500", Locale.FRENCH));
        assertEquals("1,5", LocalFormats.plainDecimal("1,5", Locale.ENGLISH));
        // Anything else is left as typed, for the caller to refuse.
        assertEquals("64 1500", LocalFormats.plainDecimal("64 1500", Locale.FRENCH));
        assertEquals("1,50,000", LocalFormats.plainDecimal("1,50,000", Locale.ENGLISH));
    }
}
