package org.opregister.imports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** What every file of an import checks alike: its header, its keys, a row's problems. */
final class RowChecks {

    private RowChecks() {
    }

    /**
     * Checks the header of a file of records keyed by reference: its columns ({@link #knownColumns}) and a
     * {@code reference} or {@code external_reference} column.
     */
    static boolean header(ImportReport report, String file, Table table, Map<String, String> read,
            Set<String> computed, List<String> required) {
        boolean good = knownColumns(report, file, table, read, computed, required);
        if (!table.header().contains("reference") && !table.header().contains("external_reference")) {
            report.problem(file, 1, "reference", "imports.error.missingColumn", "reference");
            good = false;
        }
        return good;
    }

    /** Checks the header: every column known (read or computed), the required ones there, none twice. */
    static boolean knownColumns(ImportReport report, String file, Table table, Map<String, String> read,
            Set<String> computed, List<String> required) {
        boolean good = true;
        Set<String> seen = new HashSet<>();
        for (String column : table.header()) {
            if (column.startsWith(Table.LEFT_OUT)) {
                continue;
            }
            if (!seen.add(column)) {
                report.problem(file, 1, column, "imports.error.duplicateColumn", column);
                good = false;
            } else if (!read.containsValue(column) && !computed.contains(column)) {
                report.problem(file, 1, column, "imports.error.unknownColumn", column);
                good = false;
            }
        }
        for (String column : required) {
            if (!seen.contains(column)) {
                report.problem(file, 1, column, "imports.error.missingColumn", column);
                good = false;
            }
        }
        return good;
    }

    /** The bank's key of a row: its {@code external_reference} when given, else the file's {@code reference}. */
    static String key(Table.Row row) {
        String external = FormInput.trimmed(row.get("external_reference"));
        return external != null ? external : FormInput.trimmed(row.get("reference"));
    }

    /** The column the key was read from. */
    static String keyColumn(Table.Row row) {
        return row.get("external_reference") != null ? "external_reference" : "reference";
    }

    /**
     * Checks the row's key: there, not too long, not already on an earlier line ({@code lineOfKey} remembers them).
     * Null after reporting the problem.
     */
    static String key(ImportReport report, String file, Table.Row row, int max, Map<String, Long> lineOfKey) {
        String key = key(row);
        if (key == null) {
            report.problem(file, row.line(), "reference", "error.required");
            return null;
        }
        if (key.length() > max) {
            report.problem(file, row.line(), keyColumn(row), "error.tooLong", max);
            return null;
        }
        Long earlier = lineOfKey.putIfAbsent(key, row.line());
        if (earlier != null) {
            report.problem(file, row.line(), keyColumn(row), "imports.error.duplicateKey", key, earlier);
            return null;
        }
        return key;
    }

    /** A moment written as ISO-8601 in UTC ({@code 2024-07-19T10:00:00Z}), as the exports write it; null if blank. */
    static Instant instant(String field, String value, FieldErrors errors) {
        String text = FormInput.trimmed(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "imports.error.instant");
            return null;
        }
    }

    /** The references a cell lists, separated by {@code ;}, each trimmed, none empty. */
    static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Each problem of the row under the column of the field it is about. */
    static void report(ImportReport report, String file, long line, FieldErrors errors,
            Map<String, String> columns) {
        for (String field : errors.fields()) {
            String column = columns.getOrDefault(field, "");
            report.problem(file, line, column, errors.keys().get(field), errors.arguments(field));
        }
    }

    /** Form field → column code, from pairs. */
    static Map<String, String> columns(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
