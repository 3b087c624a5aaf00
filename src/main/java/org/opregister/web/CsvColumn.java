package org.opregister.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One column of a CSV export: its code in the header line and how a row becomes its cell. The kind of column
 * chooses the formatting ({@link CsvOutput}'s rules), so an export is just its ordered list of columns. The same
 * column, typed, heads the export's XLSX ({@link #xlsx}: label {@code exports.col.<code>} in the user's language):
 * {@code List.of(CsvColumn.text("title", i -> i.title), CsvColumn.date("due_date", i -> i.dueDate), ...)}.
 * A null value is an empty cell in every kind.
 *
 * @param <T>
 *            the row an export reads, usually an entity
 */
public final class CsvColumn<T> {

    private static final String LABEL_PREFIX = "exports.col.";

    private final String name;
    private final XlsxColumn.Kind kind;
    private final Function<? super T, ?> value;
    private final Function<Object, String> format;

    private CsvColumn(String name, XlsxColumn.Kind kind, Function<? super T, ?> value,
            Function<Object, String> format) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.format = format;
    }

    /** Text a user typed: neutralised against formula injection (see {@link CsvOutput#text}). */
    public static <T> CsvColumn<T> text(String name, Function<? super T, String> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.TEXT, value, text -> CsvOutput.text((String) text));
    }

    /** An enum, written as its constant's name. */
    public static <T> CsvColumn<T> code(String name, Function<? super T, ? extends Enum<?>> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.CODE, value, code -> CsvOutput.code((Enum<?>) code));
    }

    /** A number: decimals in plain notation with a '.' (never 1E+7), whole numbers as they are. */
    public static <T> CsvColumn<T> number(String name, Function<? super T, ? extends Number> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.NUMBER, value, number -> {
            if (number instanceof BigDecimal decimal) {
                return CsvOutput.number(decimal);
            }
            return number == null ? "" : number.toString();
        });
    }

    /** A day, ISO-8601 ({@code 2026-11-23}). */
    public static <T> CsvColumn<T> date(String name, Function<? super T, LocalDate> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.DATE, value, day -> CsvOutput.date((LocalDate) day));
    }

    /** A moment, ISO-8601 in UTC ({@code 2026-11-23T08:15:00Z}). */
    public static <T> CsvColumn<T> instant(String name, Function<? super T, Instant> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.INSTANT, value, moment -> CsvOutput.instant((Instant) moment));
    }

    /** A yes/no, written {@code true} or {@code false}. */
    public static <T> CsvColumn<T> bool(String name, Predicate<? super T> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.BOOL, row -> value.test(row),
                yes -> CsvOutput.bool((Boolean) yes));
    }

    /**
     * A value the application builds itself and writes as it is (references or codes joined into a list, hashes,
     * currency codes, periods): no formula neutralising. Never for text a user typed: use {@link #text}.
     */
    public static <T> CsvColumn<T> raw(String name, Function<? super T, String> value) {
        return new CsvColumn<>(name, XlsxColumn.Kind.CODE, value, text -> text == null ? "" : (String) text);
    }

    /** The same column for {@link XlsxExport}: the CSV's code, a label in the user's language, a typed cell. */
    public XlsxColumn<T> xlsx() {
        return XlsxColumn.of(name, LABEL_PREFIX + name, kind, value);
    }

    /** Every column for {@link XlsxExport}: one list of columns gives both downloads of a table. */
    public static <T> List<XlsxColumn<T>> xlsx(List<CsvColumn<T>> columns) {
        return columns.stream().map(CsvColumn::xlsx).toList();
    }

    public String name() {
        return name;
    }

    public String cell(T row) {
        return format.apply(value.apply(row));
    }

    /** The header line of an export: its column codes, in order. */
    public static String[] header(List<? extends CsvColumn<?>> columns) {
        return columns.stream().map(CsvColumn::name).toArray(String[]::new);
    }

    /** One row's cells, in the columns' order, numbers with the dialect's decimal mark. */
    public static <T> String[] cells(List<CsvColumn<T>> columns, T row, CsvDialect dialect) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            CsvColumn<T> column = columns.get(i);
            cells[i] = column.kind == XlsxColumn.Kind.NUMBER ? dialect.number(column.cell(row)) : column.cell(row);
        }
        return cells;
    }
}
