package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;
import org.opregister.corep.C17Codes.Code;
import org.opregister.corep.C17Return.Cell;
import org.opregister.corep.C17Return.LargeEvent;
import org.opregister.corep.C17Returns.Prepared;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.web.CsvColumn;
import org.opregister.web.XlsxExport;

/** The C 17 downloads: CSV one row per cell ({@code template,row,column,value}) and XLSX laid out as the template. */
final class C17Downloads {

    static final String C1701 = "C_17.01";
    static final String C1702 = "C_17.02";

    private C17Downloads() {
    }

    /** One cell of a return; {@code typed}: text a user typed (neutralised against formula injection). */
    record CsvCell(String template, String row, String column, String value, boolean typed) {
    }

    private static final CsvColumn<CsvCell> TYPED = CsvColumn.text("value", CsvCell::value);

    static final List<CsvColumn<CsvCell>> COLUMNS = List.of(CsvColumn.raw("template", CsvCell::template),
            CsvColumn.raw("row", CsvCell::row), CsvColumn.raw("column", CsvCell::column),
            CsvColumn.raw("value", c -> c.typed() ? TYPED.cell(c) : c.value()));

    static List<CsvCell> c1701Cells(C17Return result) {
        List<CsvCell> cells = new ArrayList<>();
        for (Cell cell : result.cells().values()) {
            C17Codes.Row row = C17Codes.row(cell.row());
            String value = row.count() && !isMemo(cell.column())
                    ? cell.value().toBigInteger().toString()
                    : cell.value().setScale(2).toPlainString();
            cells.add(new CsvCell(C1701, cell.row(), cell.column(), value, false));
        }
        return cells;
    }

    private static boolean isMemo(String column) {
        return column.equals(C17Codes.LOWEST_THRESHOLD) || column.equals(C17Codes.HIGHEST_THRESHOLD);
    }

    /** The C 17.02 values of one event, by column code, in the columns' order (null: empty). */
    static List<Object> c1702Values(LargeEvent e) {
        List<Object> values = new ArrayList<>();
        for (Code column : C17Codes.C1702_COLUMNS) {
            values.add(c1702Value(e, column.code()));
        }
        return values;
    }

    static Object c1702Value(LargeEvent e, String code) {
        return switch (code) {
            case "0010" -> e.event().reference();
            case "0020" -> e.firstAccounting();
            case "0030" -> e.occurrenceDate();
            case "0040" -> e.discoveryDate();
            case "0050" -> e.category().name();
            case "APP_L2" -> e.eventType().name();
            case "0060" -> e.gross();
            case "0070" -> e.grossNetOfDirect();
            case "APP_INS" -> e.insurance();
            case "0170" -> e.entityCode();
            case "0180" -> e.entityLei();
            case "0190" -> e.orgUnit();
            case "0200" -> e.event().title();
            default -> businessLineValue(e, code);
        };
    }

    private static Object businessLineValue(LargeEvent e, String code) {
        for (Map.Entry<BusinessLine, BigDecimal> entry : e.grossByLine().entrySet()) {
            if (C17Codes.c1702BusinessLineColumn(entry.getKey()).equals(code)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Columns holding text a user typed. */
    static boolean typed(String code) {
        return List.of("0190", "0200").contains(code);
    }

    static List<CsvCell> c1702Cells(C17Return result) {
        List<CsvCell> cells = new ArrayList<>();
        for (LargeEvent event : result.largeEvents()) {
            String row = String.format("%04d", event.line());
            List<Object> values = c1702Values(event);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                String code = C17Codes.C1702_COLUMNS.get(i).code();
                cells.add(new CsvCell(C1702, row, code, text(value), typed(code)));
            }
        }
        return cells;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(2).toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    /** The title line of a sheet: template, reference date, entity, currency, lock state, hash. */
    static String title(Prepared p, String template) {
        Locale locale = CurrentLocale.current();
        String entity = p.entity() == null
                ? Messages.get(locale, "corep.allEntities")
                : p.entity().code + " " + p.entity().name + (p.entity().lei == null
                        ? ""
                        : " (LEI " + p.entity().lei
                                + ")");
        String lock = p.lock().closedThrough() == null
                ? Messages.get(locale, "corep.xlsx.notLocked")
                : Messages.get(locale, p.lock().covered() ? "corep.xlsx.locked" : "corep.xlsx.lockedBefore",
                        p.lock().closedThrough().toString());
        return template.replace('_', ' ') + " · " + p.referenceDate() + " · " + entity + " · " + p.currency() + " · "
                + lock + " · SHA-256 " + p.hash();
    }

    /**
     * C 17.01 as the template ({@link XlsxExport#grid}, after the title line and an empty row): column codes, column
     * labels, then one row per template row (code, business line and label, a cell per column), then the footnotes.
     */
    static List<List<Object>> c1701Grid(Prepared p) {
        Locale locale = CurrentLocale.current();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> codes = new ArrayList<>(List.of("", ""));
        List<Object> labels = new ArrayList<>(List.of("", ""));
        for (Code column : C17Codes.COLUMNS) {
            codes.add(column.code());
            labels.add(label(locale, column.labelKey(), column.provisional()));
        }
        rows.add(codes);
        rows.add(labels);
        for (C17Codes.Row templateRow : C17Codes.ROWS) {
            List<Object> row = new ArrayList<>();
            row.add(templateRow.code());
            String label = (templateRow.businessLine() == null
                    ? Messages.get(locale, "corep.block.total")
                    : Messages.get(locale, "enum.BusinessLine." + templateRow.businessLine().name())) + ": "
                    + Messages.get(locale, templateRow.labelKey());
            row.add(templateRow.provisional() ? label + " *" : label);
            for (Code column : C17Codes.COLUMNS) {
                Cell cell = p.result().cell(templateRow.code(), column.code());
                row.add(cell == null
                        ? null
                        : templateRow.count() && !isMemo(cell.column())
                                ? (Object) cell.value().longValue()
                                : cell.value());
            }
            rows.add(row);
        }
        rows.add(List.of());
        rows.add(List.of(Messages.get(locale, "corep.xlsx.provisional")));
        rows.add(Arrays.asList(Messages.get(locale, "corep.rapid.title"), null,
                (long) p.result().rapidlyRecovered().size(), p.result().rapidlyRecoveredGross()));
        return rows;
    }

    /** C 17.02 as the template: column codes, labels, one row per event (line number first), the footnote. */
    static List<List<Object>> c1702Grid(Prepared p) {
        Locale locale = CurrentLocale.current();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> codes = new ArrayList<>(List.of(""));
        List<Object> labels = new ArrayList<>(List.of(""));
        for (Code column : C17Codes.C1702_COLUMNS) {
            codes.add(column.code());
            labels.add(label(locale, column.labelKey(), true));
        }
        rows.add(codes);
        rows.add(labels);
        for (LargeEvent event : p.result().largeEvents()) {
            List<Object> row = new ArrayList<>();
            row.add(String.format("%04d", event.line()));
            row.addAll(c1702Values(event));
            rows.add(row);
        }
        rows.add(List.of());
        rows.add(List.of(Messages.get(locale, "corep.xlsx.provisional")));
        return rows;
    }

    private static String label(Locale locale, String key, boolean provisional) {
        String label = Messages.get(locale, key);
        return provisional ? label + " *" : label;
    }
}
