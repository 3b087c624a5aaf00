package org.opregister.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.opregister.core.Causes;

/**
 * One uploaded file read as a header row and data rows, streamed: a CSV file as the exports write it (UTF-8, a
 * byte-order mark allowed, comma or semicolon as separator), or the first sheet of an XLSX workbook
 * ({@link XlsxTable}).
 * Header cells are matched by {@link Labels} (codes, English or French labels). A text cell the export protected
 * against spreadsheet formulas (a leading {@code '} before {@code = + - @}, a tab or a carriage return) is read back
 * without the apostrophe. Unreadable input ends the reading with a {@link Unreadable} naming the message key.
 */
abstract class Table implements AutoCloseable, Iterable<Table.Row> {

    /** A data row: its line number in the file (the header is line 1) and its cells by header. */
    record Row(long line, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** The file cannot be read at all (not UTF-8, broken CSV, empty). */
    static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String key;

        Unreadable(String key) {
            super(key);
            this.key = key;
        }
    }

    /** The header as read, each cell as named by its column code when {@link Labels} knows the heading. */
    abstract List<String> header();

    /** Opens the bytes of an uploaded file: an XLSX workbook (a zip) or CSV text. */
    static Table open(byte[] data) {
        return open(new ByteArrayInputStream(data), Map.of());
    }

    /**
     * Opens an uploaded file as it is read from the stream (closed with the table), reading the headings through a
     * saved mapping (heading as normalised → column code).
     */
    static Table open(InputStream source, Map<String, String> mapping) {
        BufferedInputStream in = new BufferedInputStream(source, PEEK);
        try {
            in.mark(PEEK);
            byte[] start = in.readNBytes(PEEK);
            in.reset();
            if (start.length > 3 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
                return XlsxTable.open(in, mapping);
            }
            return Csv.open(in, separator(start), mapping);
        } catch (IOException e) {
            close(in);
            throw Csv.unreadable(e);
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
    }

    /** Bytes looked at before reading: the zip signature, and the first line for the separator. */
    private static final int PEEK = 1 << 16;

    /** A semicolon when the first line holds more semicolons than commas (the exports' {@code sep=semicolon}). */
    private static char separator(byte[] start) {
        int commas = 0;
        int semicolons = 0;
        for (byte b : start) {
            if (b == '\n') {
                break;
            }
            commas += b == ',' ? 1 : 0;
            semicolons += b == ';' ? 1 : 0;
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing after a failure: nothing more to do.
        }
    }

    /** Prefix of a column the mapping leaves out. */
    static final String LEFT_OUT = "~";

    /** The column a heading stands for: the mapping's choice, else a code or name {@link Labels} knows. */
    static String name(String heading, Map<String, String> mapping) {
        String normal = Labels.normalise(heading);
        String mapped = mapping.get(normal);
        if (mapped == null) {
            return Labels.column(heading);
        }
        return ImportMapping.LEAVE_OUT.equals(mapped) ? LEFT_OUT + normal : mapped;
    }

    /** A CSV file. */
    static final class Csv extends Table {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;

        private Csv(CSVParser parser, Map<String, String> mapping) {
            this.parser = parser;
            this.records = parser.iterator();
            try {
                if (!records.hasNext()) {
                    throw new Unreadable("error.uploadEmpty");
                }
                List<String> names = new ArrayList<>();
                for (String cell : records.next()) {
                    names.add(name(cell, mapping));
                }
                this.header = List.copyOf(names);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw unreadable(e);
            }
        }

        static Table open(InputStream in, char separator, Map<String, String> mapping) {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            try {
                return new Csv(CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get()
                        .parse(reader), mapping);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        static Unreadable unreadable(Exception e) {
            return new Unreadable(Causes.any(e, CharacterCodingException.class::isInstance)
                    ? "error.uploadEncoding"
                    : "error.uploadUnreadable");
        }

        @Override
        List<String> header() {
            return header;
        }

        @Override
        public Iterator<Row> iterator() {
            return new Iterator<>() {

                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw unreadable(e);
                    }
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    CSVRecord record;
                    try {
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw unreadable(e);
                    }
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int i = 0; i < header.size() && i < record.size(); i++) {
                        cells.put(header.get(i), unprotect(record.get(i)));
                    }
                    return new Row(record.getRecordNumber(), cells);
                }
            };
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                // Read to its end or given up: nothing more to release.
            }
        }
    }

    /** The cell without the apostrophe the exports put before text a spreadsheet would take for a formula. */
    static String unprotect(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    @Override
    public abstract void close();
}
