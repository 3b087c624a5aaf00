package org.opregister.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of column formats its cell the export way, whatever the export. */
class CsvColumnTest {

    private record Row(String text, Month code, BigDecimal decimal, Integer whole, LocalDate day, Instant moment,
            boolean flag) {
    }

    private static final Row FULL = new Row("=SUM(A1)", Month.MARCH, new BigDecimal("1E+7"), 42,
            LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T08:15:00.120Z"), true);

    private static final Row EMPTY = new Row(null, null, null, null, null, null, false);

    private static final List<CsvColumn<Row>> COLUMNS = List.of(
            CsvColumn.text("text", Row::text),
            CsvColumn.code("code", Row::code),
            CsvColumn.number("decimal", Row::decimal),
            CsvColumn.number("whole", Row::whole),
            CsvColumn.date("day", Row::day),
            CsvColumn.instant("moment", Row::moment),
            CsvColumn.bool("flag", Row::flag),
            CsvColumn.raw("raw", Row::text));

    @Test
    void headerIsTheColumnCodesInOrder() {
        assertArrayEquals(new String[]{"text", "code", "decimal", "whole", "day", "moment", "flag", "raw"},
                CsvColumn.header(COLUMNS));
    }

    @Test
    void eachKindFormatsItsCell() {
        assertArrayEquals(new String[]{"'=SUM(A1)", "MARCH", "10000000", "42", "2026-11-23", "2026-11-23T08:15:00.120Z",
                "true", "=SUM(A1)"}, CsvColumn.cells(COLUMNS, FULL, CsvDialect.STANDARD));
    }

    @Test
    void theSemicolonDialectWritesDecimalCommasInNumberColumnsOnly() {
        Row row = new Row("1.5", null, new BigDecimal("641500.25"), 42, null, null, false);
        assertArrayEquals(new String[]{"1.5", "", "641500,25", "42", "", "", "false", "1.5"},
                CsvColumn.cells(COLUMNS, row, CsvDialect.SEMICOLON));
    }

    @Test
    void nullIsAnEmptyCellInEveryKind() {
        assertArrayEquals(new String[]{"", "", "", "", "", "", "false", ""},
                CsvColumn.cells(COLUMNS, EMPTY, CsvDialect.STANDARD));
    }

    @Test
    void textIsNeutralisedAgainstFormulasOnly() {
        CsvColumn<String> text = CsvColumn.text("t", s -> s);
        assertEquals("'+41 22", text.cell("+41 22"));
        assertEquals("'-2", text.cell("-2"));
        assertEquals("'@x", text.cell("@x"));
        assertEquals("'\tx", text.cell("\tx"));
        assertEquals("'\rx", text.cell("\rx"));
        assertEquals("a=b", text.cell("a=b"));
    }

    @Test
    void decimalsArePlainAndKeepTheirScale() {
        CsvColumn<BigDecimal> number = CsvColumn.number("n", d -> d);
        assertEquals("-1234567.80", number.cell(new BigDecimal("-1234567.80")));
        assertEquals("0.000001", number.cell(new BigDecimal("1E-6")));
        assertEquals("12.5", number.cell(new BigDecimal("12.50").stripTrailingZeros()));
    }
}
