package org.opregister.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV exports the same way everywhere: RFC 4180 (CRLF, quotes where needed), UTF-8 with a
 * byte-order mark, ISO-8601 dates, plain '.' decimals, and text cells neutralised against formula injection.
 * Exports do not use it directly: they list their {@link CsvColumn}s and {@link CsvExport#stream} writes them.
 */
final class CsvOutput implements AutoCloseable {

    /** Exports detach the rows they read every so many rows, so memory stays flat however large the table. */
    static final int CLEAR_EVERY = 500;

    private final CSVPrinter printer;

    public CsvOutput(OutputStream out, CsvDialect dialect, String... header) {
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
                    .setDelimiter(dialect.delimiter).get());
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row, its cells formatted by their {@link CsvColumn}. */
    public void row(String... cells) {
        try {
            printer.printRecord((Object[]) cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text cell. A value a spreadsheet could run as a formula (starting with = + - @, tab or carriage return)
     * gets a leading apostrophe, as OWASP recommends, so it is shown as text.
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    public static String code(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    public static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    public static String date(LocalDate value) {
        return value == null ? "" : value.toString();
    }

    public static String instant(Instant value) {
        return value == null ? "" : DateTimeFormatter.ISO_INSTANT.format(value);
    }

    public static String bool(boolean value) {
        return value ? "true" : "false";
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what is buffered. The stream belongs to the caller and stays open: the response is not over yet. */
    @Override
    public void close() {
        flush();
    }

    /** A download name with today's date, e.g. incident-register-2026-11-23.csv. */
    public static String fileName(String stem) {
        return stem + "-" + org.opregister.core.AppClock.today() + ".csv";
    }
}
