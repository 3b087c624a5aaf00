package org.opregister.corep;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

import org.opregister.core.CurrentLocale;
import org.opregister.corep.C17Codes.Code;
import org.opregister.corep.C17Codes.Row;
import org.opregister.corep.C17Return.Cell;

/** C 17.01 laid out as the template for a page: blocks of rows, each figure formatted and linked to its events. */
public final class C17Grid {

    private C17Grid() {
    }

    /** A figure as shown: its text, and the drill-down link when events are behind it. */
    public record GridCell(String column, String display, String link) {
    }

    /** A row of the template; {@code blockLabelKey} is set on the first row of a block (its heading). */
    public record GridRow(Row row, String blockLabelKey, boolean blockProvisional, List<GridCell> cells) {
    }

    public static List<GridRow> rows(C17Return result, String query) {
        List<GridRow> rows = new ArrayList<>();
        String block = null;
        for (Row row : C17Codes.ROWS) {
            String blockOfRow = row.code().substring(0, 2);
            String heading = null;
            boolean provisional = false;
            if (!blockOfRow.equals(block)) {
                block = blockOfRow;
                heading = row.businessLine() == null
                        ? "corep.block.total"
                        : "enum.BusinessLine." + row.businessLine().name();
                provisional = C17Codes.BLOCKS.stream().filter(b -> b.businessLine() == row.businessLine())
                        .anyMatch(b -> b.status() == CodeStatus.PROVISIONAL);
            }
            List<GridCell> cells = new ArrayList<>();
            for (Code column : C17Codes.COLUMNS) {
                Cell cell = result.cell(row.code(), column.code());
                if (cell == null) {
                    cells.add(new GridCell(column.code(), "", null));
                } else if (cell.empty()) {
                    boolean memo = column.code().equals(C17Codes.LOWEST_THRESHOLD)
                            || column.code().equals(C17Codes.HIGHEST_THRESHOLD);
                    cells.add(new GridCell(column.code(), memo ? amount(cell.value()) : "", null));
                } else {
                    cells.add(new GridCell(column.code(), format(row, cell.value()),
                            "/reports/c17-01/cells/" + row.code() + "/" + column.code() + "?" + query));
                }
            }
            rows.add(new GridRow(row, heading, provisional, List.copyOf(cells)));
        }
        return rows;
    }

    public static String format(Row row, BigDecimal value) {
        return row.count() ? value.toBigInteger().toString() : amount(value);
    }

    public static String amount(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(CurrentLocale.current());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
