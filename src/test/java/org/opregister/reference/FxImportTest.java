package org.opregister.reference;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.opregister.core.FieldErrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading rate files: both layouts, the derived figures to the digit, and every bad line reported. */
class FxImportTest {

    /** The ECB history layout: newest first, a trailing empty column, N/A for no rate, a withdrawn currency. */
    static final String ECB = """
            Date,USD,JPY,GBP,HRK,CHF,
            2026-03-31,1.0823,161.23,0.8532,N/A,N/A,
            2026-03-30,1.0800,160.00,0.8500,N/A,0.9512,
            """;

    @Test
    void ecbRatesIntoEuroAreOneOverTheFileValue() {
        FieldErrors errors = new FieldErrors();
        FxImport.Parsed parsed = read(ECB, "EUR", errors);
        assertFalse(errors.any(), errors.keys().toString());
        assertEquals(FxImport.Layout.ECB, parsed.layout());
        assertEquals(List.of("HRK"), parsed.ignoredColumns());
        Map<String, BigDecimal> rates = byKey(parsed);
        assertEquals(7, rates.size(), rates.toString());
        same("0.9239582371", rates.get("USD 2026-03-31"));
        // 1 / 161.23 = 0.006202319668 (10 significant digits), stored with 10 decimals.
        same("0.0062023197", rates.get("JPY 2026-03-31"));
        same("1.172058134", rates.get("GBP 2026-03-31"));
        same("1.051303616", rates.get("CHF 2026-03-30"));
        assertFalse(rates.containsKey("CHF 2026-03-31"), "N/A gives no rate");
    }

    @Test
    void ecbCrossRatesIntoAnotherBase() {
        FieldErrors errors = new FieldErrors();
        FxImport.Parsed parsed = read(ECB, "GBP", errors);
        assertFalse(errors.any(), errors.keys().toString());
        Map<String, BigDecimal> rates = byKey(parsed);
        same("0.8532", rates.get("EUR 2026-03-31"));
        same("0.7883211679", rates.get("USD 2026-03-31"));
        same("0.0052918191", rates.get("JPY 2026-03-31"));
        same("0.8936080740", rates.get("CHF 2026-03-30"));
        assertFalse(rates.keySet().stream().anyMatch(k -> k.startsWith("GBP")), "no rate of the base into itself");
    }

    @Test
    void aDayWithoutTheBaseGivesNoRatesAndIsCounted() {
        FieldErrors errors = new FieldErrors();
        FxImport.Parsed parsed = read(ECB, "CHF", errors);
        assertFalse(errors.any(), errors.keys().toString());
        assertEquals(1, parsed.skippedDays());
        assertTrue(parsed.rates().stream().allMatch(r -> r.date().equals(LocalDate.of(2026, 3, 30))));
        same("0.9512", byKey(parsed).get("EUR 2026-03-30"));
    }

    @Test
    void plainRatesAreTheBaseUnitsPerUnitWithOrWithoutHeader() {
        for (String header : List.of("", "currency,date,rate\n", "\uFEFFCurrency,Date,Rate\n")) {
            FieldErrors errors = new FieldErrors();
            FxImport.Parsed parsed = read(header + "usd,2026-03-31,0.9234\nJPY,2026-03-31,0.0062\n", "EUR", errors);
            assertFalse(errors.any(), errors.keys().toString());
            assertEquals(FxImport.Layout.PLAIN, parsed.layout());
            assertEquals(Map.of("USD 2026-03-31", new BigDecimal("0.9234"), "JPY 2026-03-31", new BigDecimal("0.0062")),
                    byKey(parsed));
        }
    }

    @Test
    void everyBadPlainLineIsReportedAndNothingKept() {
        String file = """
                currency,date,rate
                USD,2026-03-31,0.92
                XXX,2026-03-31,1
                USD,31/03/2026,0.92
                GBP,2026-03-31,abc
                CHF,2026-03-31,0
                JPY,2026-03-31,-1
                USD,2026-03-31,0.93
                EUR,2026-03-31,1
                USD,2026-03-31
                SEK,2026-03-31,0.00000000001
                """;
        FieldErrors errors = new FieldErrors();
        FxImport.Parsed parsed = read(file, "EUR", errors);
        assertTrue(parsed.rates().isEmpty());
        assertEquals(Map.of("3", Currencies.UNKNOWN_KEY, "4", "error.fxBadDate", "5", "error.fxBadNumber", "6",
                "error.fxNotPositive", "7", "error.fxNotPositive", "8", "error.fxDuplicateRate", "9",
                "error.fxRateOfBase", "10", "error.fxPlainColumns", "11", "error.fxBadNumber"), errors.keys());
    }

    @Test
    void badEcbFilesAreReportedByLine() {
        FieldErrors header = new FieldErrors();
        read("Date,USD,US1,USD\n2026-03-31,1,2,3\n", "EUR", header);
        assertEquals(Map.of("1", "error.fxEcbColumn"), header.keys());
        FieldErrors noBase = new FieldErrors();
        read("Date,USD\n2026-03-31,1.08\n", "GBP", noBase);
        assertEquals(Map.of("1", "error.fxEcbNoBase"), noBase.keys());
        FieldErrors rows = new FieldErrors();
        read("Date,USD,JPY\n2026-03-31,1.08,160\n2026-03-31,1.08,160\n2026-13-01,1,1\n2026-03-29,x,1\n"
                + "2026-03-28,1,1,1,1\n", "EUR", rows);
        assertEquals(Map.of("3", "error.fxDuplicateDay", "4", "error.fxBadDate", "5", "error.fxBadNumber", "6",
                "error.fxColumns"), rows.keys());
        FieldErrors empty = new FieldErrors();
        read("Date,USD\n", "EUR", empty);
        assertEquals(Map.of("1", "error.fxUploadEmpty"), empty.keys());
        FieldErrors latin1 = new FieldErrors();
        FxImport.read(new ByteArrayInputStream(new byte[]{'U', 'S', 'D', ',', (byte) 0xE9}), "EUR", latin1);
        assertEquals(Map.of("1", "error.uploadEncoding"), latin1.keys());
    }

    @Test
    void aFileOfMoreThanTheCapIsRefused() {
        StringBuilder file = new StringBuilder();
        LocalDate day = LocalDate.of(1900, 1, 1);
        for (int i = 0; i <= FxImport.MAX_RATES; i++) {
            file.append("USD,").append(day.plusDays(i)).append(",1.1\n");
        }
        FieldErrors errors = new FieldErrors();
        assertTrue(read(file.toString(), "EUR", errors).rates().isEmpty());
        assertEquals(Map.of("1", "error.fxUploadTooLong"), errors.keys());
        FieldErrors fits = new FieldErrors();
        assertEquals(FxImport.MAX_RATES,
                read(file.substring(file.indexOf("\n") + 1), "EUR", fits).rates().size());
        assertFalse(fits.any());
    }

    static void same(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected).stripTrailingZeros(),
                actual == null ? null : actual.stripTrailingZeros());
    }

    static FxImport.Parsed read(String text, String base, FieldErrors errors) {
        return FxImport.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), base, errors);
    }

    static Map<String, BigDecimal> byKey(FxImport.Parsed parsed) {
        return parsed.rates().stream().collect(Collectors.toMap(r -> r.currency() + " " + r.date(), r -> r.rate()));
    }
}
