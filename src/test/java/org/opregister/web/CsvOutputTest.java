package org.opregister.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvOutputTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() {
        assertEquals("'=1+2", CsvOutput.text("=1+2"));
        assertEquals("'+41 22", CsvOutput.text("+41 22"));
        assertEquals("'-2", CsvOutput.text("-2"));
        assertEquals("'@SUM(A1)", CsvOutput.text("@SUM(A1)"));
        assertEquals("'\tx", CsvOutput.text("\tx"));
        assertEquals("'\rx", CsvOutput.text("\rx"));
        assertEquals("a=b", CsvOutput.text("a=b"));
        assertEquals("", CsvOutput.text(null));
    }

    @Test
    void numbersStayPlainNumbers() {
        assertEquals("-1234567.80", CsvOutput.number(new BigDecimal("-1234567.80")));
        assertEquals("10000000", CsvOutput.number(new BigDecimal("1E+7")));
    }

    @Test
    void writesRfc4180WithBom() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = new CsvOutput(out, CsvDialect.STANDARD, "a", "b")) {
            csv.row("x,y", "say \"hi\"\nthere");
        }
        assertEquals("\uFEFFa,b\r\n\"x,y\",\"say \"\"hi\"\"\nthere\"\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSemicolonDialectSeparatesWithSemicolonsAndQuotesThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = new CsvOutput(out, CsvDialect.SEMICOLON, "a", "b")) {
            csv.row("R-1;R-2", "641500,25");
        }
        assertEquals("\uFEFFa;b\r\n\"R-1;R-2\";641500,25\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDialectComesFromTheParameterThenTheCookie() {
        assertEquals(CsvDialect.SEMICOLON, CsvDialect.of("semicolon", null));
        assertEquals(CsvDialect.SEMICOLON, CsvDialect.of(null, "semicolon"));
        assertEquals(CsvDialect.STANDARD, CsvDialect.of("comma", "semicolon"));
        assertEquals(CsvDialect.STANDARD, CsvDialect.of(null, null));
    }

    /**
     * The exports quote exactly as Commons CSV's RFC 4180 format did before they wrote their cells themselves: rows
     * of random cells over the characters that decide quoting (controls, space, quote, '#', both delimiters, line
     * breaks, letters, accents), empty cells first, in the middle and last, give the same bytes in both dialects.
     */
    @Test
    void cellsAreQuotedExactlyAsCommonsCsvQuotesThem() throws IOException {
        Random random = new Random(19);
        String alphabet = "\u0000\u0001\t\n\r !\"#$',;=@aZé\u00a0\u2028";
        for (CsvDialect dialect : CsvDialect.values()) {
            for (int round = 0; round < 2_000; round++) {
                String[] cells = new String[1 + random.nextInt(4)];
                for (int i = 0; i < cells.length; i++) {
                    if (random.nextInt(12) == 0) {
                        cells[i] = null;
                        continue;
                    }
                    StringBuilder cell = new StringBuilder();
                    int length = random.nextInt(5);
                    for (int c = 0; c < length; c++) {
                        cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    cells[i] = cell.toString();
                }
                ByteArrayOutputStream ours = new ByteArrayOutputStream();
                try (CsvOutput csv = new CsvOutput(ours, dialect, "h")) {
                    csv.row(cells);
                }
                StringWriter theirs = new StringWriter();
                theirs.write('\uFEFF');
                CSVPrinter printer = new CSVPrinter(theirs,
                        CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setDelimiter(dialect.delimiter).get());
                printer.printRecord("h");
                printer.printRecord((Object[]) cells);
                printer.flush();
                assertEquals(theirs.toString(), ours.toString(StandardCharsets.UTF_8),
                        () -> "cells " + Arrays.toString(cells) + " in " + dialect);
            }
        }
    }

    @Test
    void datesAreWrittenAsLocalDateWritesThem() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(-719_528L - 800, 2_932_897L + 800));
            assertEquals(date.toString(), CsvOutput.date(date));
        }
        for (LocalDate edge : new LocalDate[]{LocalDate.of(0, 1, 1), LocalDate.of(-1, 12, 31),
                LocalDate.of(9999, 12, 31),
                LocalDate.of(10_000, 1, 1), LocalDate.MIN, LocalDate.MAX, LocalDate.of(2024, 7, 19)}) {
            assertEquals(edge.toString(), CsvOutput.date(edge));
        }
        assertEquals("", CsvOutput.date(null));
    }

    @Test
    void momentsAreWrittenAsIsoInstantWritesThem() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            long second = random.nextLong(-62_167_219_200L - 86_400L * 400, 253_402_300_800L + 86_400L * 400);
            int nano = switch (round % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant moment = Instant.ofEpochSecond(second, nano);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(moment), CsvOutput.instant(moment));
        }
        for (String edge : new String[]{"-0001-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "2024-07-19T04:09:00.000000001Z", "2024-07-19T04:09:00.000001Z", "2024-07-19T04:09:00.100Z"}) {
            Instant moment = Instant.parse(edge);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(moment), CsvOutput.instant(moment), edge);
        }
        assertEquals(DateTimeFormatter.ISO_INSTANT.format(Instant.MIN), CsvOutput.instant(Instant.MIN));
        assertEquals(DateTimeFormatter.ISO_INSTANT.format(Instant.MAX), CsvOutput.instant(Instant.MAX));
        assertEquals("2024-07-19T04:09:00Z", CsvOutput.instant(Instant.parse("2024-07-19T04:09:00Z")));
        assertEquals("", CsvOutput.instant(null));
    }

    @Test
    void aMissingCellIsEmptyAndAnEmptyFirstCellQuoted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvOutput csv = new CsvOutput(out, CsvDialect.STANDARD, "a", "b", "c")) {
            csv.row(null, "x", null);
            csv.row("", "", "");
        }
        assertEquals("\uFEFFa,b,c\r\n,x,\r\n\"\",,\r\n", out.toString(StandardCharsets.UTF_8));
    }
}
