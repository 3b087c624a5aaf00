package org.opregister.corep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;
import org.opregister.corep.C17Codes.Code;
import org.opregister.corep.C17Return.Cell;
import org.opregister.corep.C17Return.LargeEvent;
import org.opregister.corep.C17Returns.Prepared;
import org.opregister.web.CsvColumn;

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
        for (Map.Entry<org.opregister.taxonomy.BusinessLine, BigDecimal> entry : e.grossByLine().entrySet()) {
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

    /** The title row of a sheet: template, reference date, entity, currency, lock state. */
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

    static byte[] c1701Xlsx(Prepared p) {
        Locale locale = CurrentLocale.current();
        return workbook("C 17.01", (sheet, styles) -> {
            sheet.createRow(0).createCell(0).setCellValue(title(p, C1701));
            Row codes = sheet.createRow(2);
            Row labels = sheet.createRow(3);
            for (int i = 0; i < C17Codes.COLUMNS.size(); i++) {
                Code column = C17Codes.COLUMNS.get(i);
                codes.createCell(i + 2).setCellValue(column.code());
                labels.createCell(i + 2).setCellValue(label(locale, column.labelKey(), column.provisional()));
            }
            int r = 4;
            for (C17Codes.Row templateRow : C17Codes.ROWS) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(templateRow.code());
                String label = (templateRow.businessLine() == null
                        ? Messages.get(locale, "corep.block.total")
                        : Messages.get(locale, "enum.BusinessLine." + templateRow.businessLine().name())) + ": "
                        + Messages.get(locale, templateRow.labelKey());
                row.createCell(1).setCellValue(templateRow.provisional() ? label + " *" : label);
                for (int i = 0; i < C17Codes.COLUMNS.size(); i++) {
                    Cell cell = p.result().cell(templateRow.code(), C17Codes.COLUMNS.get(i).code());
                    if (cell != null) {
                        var target = row.createCell(i + 2);
                        target.setCellValue(cell.value().doubleValue());
                        target.setCellStyle(templateRow.count() && !isMemo(cell.column())
                                ? styles.integer
                                : styles.amount);
                    }
                }
            }
            sheet.createRow(r + 1).createCell(0).setCellValue(Messages.get(locale, "corep.xlsx.provisional"));
            Row rapid = sheet.createRow(r + 2);
            rapid.createCell(0).setCellValue(Messages.get(locale, "corep.rapid.title"));
            var count = rapid.createCell(2);
            count.setCellValue(p.result().rapidlyRecovered().size());
            count.setCellStyle(styles.integer);
            var gross = rapid.createCell(3);
            gross.setCellValue(p.result().rapidlyRecoveredGross().doubleValue());
            gross.setCellStyle(styles.amount);
        });
    }

    static byte[] c1702Xlsx(Prepared p) {
        Locale locale = CurrentLocale.current();
        return workbook("C 17.02", (sheet, styles) -> {
            sheet.createRow(0).createCell(0).setCellValue(title(p, C1702));
            Row codes = sheet.createRow(2);
            Row labels = sheet.createRow(3);
            for (int i = 0; i < C17Codes.C1702_COLUMNS.size(); i++) {
                Code column = C17Codes.C1702_COLUMNS.get(i);
                codes.createCell(i + 1).setCellValue(column.code());
                labels.createCell(i + 1).setCellValue(label(locale, column.labelKey(), true));
            }
            int r = 4;
            for (LargeEvent event : p.result().largeEvents()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(String.format("%04d", event.line()));
                List<Object> values = c1702Values(event);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(i + 1);
                    if (value instanceof BigDecimal decimal) {
                        cell.setCellValue(decimal.doubleValue());
                        cell.setCellStyle(styles.amount);
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(styles.date);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            sheet.createRow(r + 1).createCell(0).setCellValue(Messages.get(locale, "corep.xlsx.provisional"));
        });
    }

    private static String label(Locale locale, String key, boolean provisional) {
        String label = Messages.get(locale, key);
        return provisional ? label + " *" : label;
    }

    /** Cell styles of a workbook. */
    record Styles(CellStyle integer, CellStyle amount, CellStyle date) {
    }

    private interface SheetWriter {

        void write(Sheet sheet, Styles styles);
    }

    private static byte[] workbook(String sheetName, SheetWriter writer) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle integer = workbook.createCellStyle();
            integer.setDataFormat(helper.createDataFormat().getFormat("#,##0"));
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(helper.createDataFormat().getFormat("#,##0.00"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            writer.write(workbook.createSheet(sheetName), new Styles(integer, amount, date));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // closing a workbook written to memory
            }
        }
    }
}
