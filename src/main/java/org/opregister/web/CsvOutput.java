package org.opregister.web;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the CSV exports the same way everywhere: RFC 4180 (CRLF, quotes where needed), UTF-8 with a
 * byte-order mark, ISO-8601 dates, plain '.' decimals, and text cells neutralised against formula injection.
 * Exports do not use it directly: they list their {@link CsvColumn}s and {@link CsvExport#stream} writes them.
 * Cells are quoted exactly where Commons CSV's RFC 4180 format quotes them (its minimal quoting, pinned by
 * {@code CsvOutputTest}), each row built whole and written at once: {@code CSVPrinter}, a cell at a time through
 * {@code Appendable}, was much slower.
 */
final class CsvOutput implements AutoCloseable {

    /** Exports detach the rows they read every so many rows, so memory stays flat however large the table. */
    static final int CLEAR_EVERY = 500;

    private static final String RECORD_END = "\r\n";

    private final Utf8Output writer;
    private final char delimiter;
    private final StringBuilder line = new StringBuilder(512);

    public CsvOutput(OutputStream out, CsvDialect dialect, String... header) {
        writer = new Utf8Output(out);
        delimiter = dialect.delimiter;
        writer.write("\uFEFF");
        row(header);
    }

    /**
     * One row, its cells formatted by their {@link CsvColumn}: built whole, then written at once. A null cell is
     * empty and never quoted, as Commons CSV writes it.
     */
    public void row(String... cells) {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            if (cells[i] != null) {
                cell(cells[i], i == 0);
            }
        }
        line.append(RECORD_END);
        writer.write(line);
    }

    private void cell(String value, boolean first) {
        if (!quoted(value, first)) {
            line.append(value);
            return;
        }
        line.append('"');
        int from = 0;
        for (int at = value.indexOf('"'); at >= 0; at = value.indexOf('"', at + 1)) {
            line.append(value, from, at + 1).append('"');
            from = at + 1;
        }
        line.append(value, from, value.length()).append('"');
    }

    /**
     * Whether a cell is quoted: an empty first cell (else an empty row would be a blank line), a cell starting with
     * a character up to {@code #} (space, control characters, quote) or ending with one up to a space, and a cell
     * holding a quote, a line break or the delimiter.
     */
    private boolean quoted(String value, boolean first) {
        int length = value.length();
        if (length == 0) {
            return first;
        }
        if (value.charAt(0) <= '#' || value.charAt(length - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\n' || c == '\r' || c == delimiter) {
                return true;
            }
        }
        return false;
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

    /** As {@link LocalDate#toString()} writes it, by hand for years 0 to 9999. */
    public static String date(LocalDate value) {
        if (value == null) {
            return "";
        }
        if (value.getYear() < 0 || value.getYear() > 9999) {
            return value.toString();
        }
        StringBuilder text = new StringBuilder(10);
        digits(text, value.getYear(), 4).append('-');
        digits(text, value.getMonthValue(), 2).append('-');
        return digits(text, value.getDayOfMonth(), 2).toString();
    }

    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    /**
     * As {@link DateTimeFormatter#ISO_INSTANT} writes it (seconds always, then 3, 6 or 9 digits of fraction when
     * there is one, pinned by {@code CsvOutputTest}), written by hand for years 0 to 9999, the formatter's own
     * beyond, where the formatter is slow.
     */
    public static String instant(Instant value) {
        if (value == null) {
            return "";
        }
        if (value.getEpochSecond() < YEAR_0 || value.getEpochSecond() >= YEAR_10000) {
            return DateTimeFormatter.ISO_INSTANT.format(value);
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, utc.getYear(), 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append('T');
        digits(text, utc.getHour(), 2).append(':');
        digits(text, utc.getMinute(), 2).append(':');
        digits(text, utc.getSecond(), 2);
        int nano = utc.getNano();
        if (nano > 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** A number of 0 up to {@code width} digits, padded with zeros to that width. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        char[] digits = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return text.append(digits);
    }

    public static String bool(boolean value) {
        return value ? "true" : "false";
    }

    public void flush() {
        writer.flush();
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
