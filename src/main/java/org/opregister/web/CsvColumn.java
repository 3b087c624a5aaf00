package org.opregister.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One column of a CSV export: its code in the header line and how a row becomes its cell. The kind of column
 * chooses the formatting ({@link CsvOutput}'s rules), so an export is just its ordered list of columns:
 * {@code List.of(CsvColumn.text("title", i -> i.title), CsvColumn.date("due_date", i -> i.dueDate), ...)}.
 * A null value is an empty cell in every kind.
 *
 * @param <T>
 *            the row an export reads, usually an entity
 */
public final class CsvColumn<T> {

    private final String name;
    private final Function<? super T, String> cell;
    private final boolean numeric;

    private CsvColumn(String name, Function<? super T, String> cell) {
        this(name, cell, false);
    }

    private CsvColumn(String name, Function<? super T, String> cell, boolean numeric) {
        this.name = name;
        this.cell = cell;
        this.numeric = numeric;
    }

    /** Text a user typed: neutralised against formula injection (see {@link CsvOutput#text}). */
    public static <T> CsvColumn<T> text(String name, Function<? super T, String> value) {
        return new CsvColumn<>(name, row -> CsvOutput.text(value.apply(row)));
    }

    /** An enum, written as its constant's name. */
    public static <T> CsvColumn<T> code(String name, Function<? super T, ? extends Enum<?>> value) {
        return new CsvColumn<>(name, row -> CsvOutput.code(value.apply(row)));
    }

    /** A number: decimals in plain notation with a '.' (never 1E+7), whole numbers as they are. */
    public static <T> CsvColumn<T> number(String name, Function<? super T, ? extends Number> value) {
        return new CsvColumn<>(name, row -> {
            Number number = value.apply(row);
            if (number instanceof BigDecimal decimal) {
                return CsvOutput.number(decimal);
            }
            return number == null ? "" : number.toString();
        }, true);
    }

    /** A day, ISO-8601 ({@code 2026-11-23}). */
    public static <T> CsvColumn<T> date(String name, Function<? super T, LocalDate> value) {
        return new CsvColumn<>(name, row -> CsvOutput.date(value.apply(row)));
    }

    /** A moment, ISO-8601 in UTC ({@code 2026-11-23T08:15:00Z}). */
    public static <T> CsvColumn<T> instant(String name, Function<? super T, Instant> value) {
        return new CsvColumn<>(name, row -> CsvOutput.instant(value.apply(row)));
    }

    /** A yes/no, written {@code true} or {@code false}. */
    public static <T> CsvColumn<T> bool(String name, Predicate<? super T> value) {
        return new CsvColumn<>(name, row -> CsvOutput.bool(value.test(row)));
    }

    /**
     * A value the application builds itself and writes as it is (references or codes joined into a list, hashes,
     * currency codes, periods): no formula neutralising. Never for text a user typed: use {@link #text}.
     */
    public static <T> CsvColumn<T> raw(String name, Function<? super T, String> value) {
        return new CsvColumn<>(name, row -> {
            String text = value.apply(row);
            return text == null ? "" : text;
        });
    }

    public String name() {
        return name;
    }

    public String cell(T row) {
        return cell.apply(row);
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
            cells[i] = column.numeric ? dialect.number(column.cell(row)) : column.cell(row);
        }
        return cells;
    }
}
