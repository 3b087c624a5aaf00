package org.opregister.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

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
}
