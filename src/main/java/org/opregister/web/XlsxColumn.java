package org.opregister.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One typed column of a download: its code (the CSV header and the XLSX second header row), the message key of its
 * label (the XLSX first header row, in the user's language) and how a row becomes its value. The kind decides the
 * cell: text is always a string cell (never a formula), numbers are numeric cells, dates are date cells. The same list
 * of columns gives the CSV ({@link #csv}) and the XLSX ({@link XlsxExport}) of a table, so both carry the same data.
 *
 * @param <T>
 *            the row the download reads
 */
public final class XlsxColumn<T> {

    /** How the value is written. */
    public enum Kind {
        TEXT, CODE, NUMBER, DATE, INSTANT, BOOL
    }

    private final String name;
    private final String labelKey;
    private final Kind kind;
    private final Function<? super T, ?> value;

    private XlsxColumn(String name, String labelKey, Kind kind, Function<? super T, ?> value) {
        this.name = name;
        this.labelKey = labelKey;
        this.kind = kind;
        this.value = value;
    }

    /** Text a user typed (or any text): a string cell; in CSV neutralised against formula injection. */
    public static <T> XlsxColumn<T> text(String name, String labelKey, Function<? super T, String> value) {
        return new XlsxColumn<>(name, labelKey, Kind.TEXT, value);
    }

    /** An enum, written as its constant's name; or a code the application builds (a period, a currency). */
    public static <T> XlsxColumn<T> code(String name, String labelKey, Function<? super T, ?> value) {
        return new XlsxColumn<>(name, labelKey, Kind.CODE, value);
    }

    /** A number: a numeric cell. */
    public static <T> XlsxColumn<T> number(String name, String labelKey, Function<? super T, ? extends Number> value) {
        return new XlsxColumn<>(name, labelKey, Kind.NUMBER, value);
    }

    /** A day: a date cell (ISO-8601 in CSV). */
    public static <T> XlsxColumn<T> date(String name, String labelKey, Function<? super T, LocalDate> value) {
        return new XlsxColumn<>(name, labelKey, Kind.DATE, value);
    }

    /** A moment: a date-time cell in UTC (ISO-8601 in CSV). */
    public static <T> XlsxColumn<T> instant(String name, String labelKey, Function<? super T, Instant> value) {
        return new XlsxColumn<>(name, labelKey, Kind.INSTANT, value);
    }

    /** A yes/no: a boolean cell ({@code true}/{@code false} in CSV). */
    public static <T> XlsxColumn<T> bool(String name, String labelKey, Function<? super T, Boolean> value) {
        return new XlsxColumn<>(name, labelKey, Kind.BOOL, value);
    }

    /** A column of any kind, for {@link CsvColumn#xlsx}. */
    static <T> XlsxColumn<T> of(String name, String labelKey, Kind kind, Function<? super T, ?> value) {
        return new XlsxColumn<>(name, labelKey, kind, value);
    }

    public String name() {
        return name;
    }

    public String labelKey() {
        return labelKey;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The row's value: a String, an Enum, a Number, a LocalDate, an Instant or a Boolean, or null for an empty cell.
     */
    public Object value(T row) {
        return value.apply(row);
    }

    /** The same column for {@link CsvExport}. */
    @SuppressWarnings("unchecked")
    public CsvColumn<T> csv() {
        return switch (kind) {
            case TEXT -> CsvColumn.text(name, row -> (String) value.apply(row));
            case CODE -> CsvColumn.raw(name, row -> {
                Object code = value.apply(row);
                return code instanceof Enum<?> constant ? constant.name() : code == null ? null : code.toString();
            });
            case NUMBER -> CsvColumn.number(name, row -> (Number) value.apply(row));
            case DATE -> CsvColumn.date(name, row -> (LocalDate) value.apply(row));
            case INSTANT -> CsvColumn.instant(name, row -> (Instant) value.apply(row));
            case BOOL -> CsvColumn.bool(name, row -> Boolean.TRUE.equals(value.apply(row)));
        };
    }

    /** Every column for {@link CsvExport}. */
    public static <T> List<CsvColumn<T>> csv(List<XlsxColumn<T>> columns) {
        return columns.stream().map(XlsxColumn::csv).toList();
    }

    static double number(Object value) {
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
    }
}
