package org.opregister.losses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * Event type (Level 1 rows, each with its Level 2 types) × business line: events, gross and net loss per cell, with
 * row and column totals. Only the types and business lines that hold data in the period are shown.
 */
public record LossMatrix(List<BusinessLine> lines, List<Row> rows, Map<BusinessLine, LossFigures> columns,
        LossFigures total) {

    /** One aggregate row of the database: a Level 2 type and a business line. */
    record Cell(EventType type, BusinessLine line, LossFigures figures) {
    }

    /** A Level 1 row (type null, with its Level 2 rows) or a Level 2 row. */
    public record Row(EventCategory category, EventType type, Map<BusinessLine, LossFigures> cells,
            LossFigures total, List<Row> types) {

        public LossFigures cell(BusinessLine line) {
            return cells.getOrDefault(line, LossFigures.NONE);
        }

        public int level() {
            return type == null ? 1 : 2;
        }

        /** What the register's {@code eventType} filter takes for this row: the category or the type code. */
        public String code() {
            return type == null ? category.name() : type.name();
        }
    }

    public LossFigures column(BusinessLine line) {
        return columns.getOrDefault(line, LossFigures.NONE);
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    static LossMatrix of(List<Cell> cells) {
        TreeSet<BusinessLine> lines = new TreeSet<>();
        Map<EventCategory, Map<EventType, Map<BusinessLine, LossFigures>>> byCategory = new EnumMap<>(
                EventCategory.class);
        Map<BusinessLine, LossFigures> columns = new EnumMap<>(BusinessLine.class);
        LossFigures total = LossFigures.NONE;
        for (Cell cell : cells) {
            lines.add(cell.line());
            byCategory.computeIfAbsent(cell.type().category, c -> new EnumMap<>(EventType.class))
                    .computeIfAbsent(cell.type(), t -> new EnumMap<>(BusinessLine.class))
                    .merge(cell.line(), cell.figures(), LossFigures::plus);
            columns.merge(cell.line(), cell.figures(), LossFigures::plus);
            total = total.plus(cell.figures());
        }
        List<Row> rows = new ArrayList<>();
        byCategory.forEach((category, types) -> {
            Map<BusinessLine, LossFigures> categoryCells = new EnumMap<>(BusinessLine.class);
            LossFigures categoryTotal = LossFigures.NONE;
            List<Row> typeRows = new ArrayList<>();
            for (var type : types.entrySet()) {
                LossFigures typeTotal = LossFigures.NONE;
                for (var cell : type.getValue().entrySet()) {
                    categoryCells.merge(cell.getKey(), cell.getValue(), LossFigures::plus);
                    typeTotal = typeTotal.plus(cell.getValue());
                }
                typeRows.add(new Row(category, type.getKey(), Collections.unmodifiableMap(type.getValue()), typeTotal,
                        List.of()));
                categoryTotal = categoryTotal.plus(typeTotal);
            }
            rows.add(new Row(category, null, Collections.unmodifiableMap(categoryCells), categoryTotal,
                    List.copyOf(typeRows)));
        });
        // Kept and shared between requests (KeptLossFigures): read-only.
        return new LossMatrix(List.copyOf(lines), List.copyOf(rows), Collections.unmodifiableMap(columns), total);
    }

    /** One line of the matrix's download: a row (Level 1 or 2, or the total) and a business line (null: all). */
    public record Line(int level, EventCategory category, EventType type, BusinessLine line, LossFigures figures) {
    }

    /** The matrix flattened for CSV and XLSX: each row by business line then its total, the column totals last. */
    public List<Line> flat() {
        List<Line> flat = new ArrayList<>();
        for (Row row : rows) {
            add(flat, row);
            row.types().forEach(type -> add(flat, type));
        }
        for (BusinessLine line : lines) {
            flat.add(new Line(0, null, null, line, column(line)));
        }
        flat.add(new Line(0, null, null, null, total));
        return flat;
    }

    private void add(List<Line> flat, Row row) {
        for (BusinessLine line : lines) {
            if (row.cells().containsKey(line)) {
                flat.add(new Line(row.level(), row.category(), row.type(), line, row.cell(line)));
            }
        }
        flat.add(new Line(row.level(), row.category(), row.type(), null, row.total()));
    }
}
