package org.opregister.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.opregister.core.AppClock;
import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;

/**
 * A streamed XLSX download (Apache POI's SXSSF: only a window of rows in memory): a first header row of labels in
 * the user's language, a second of column codes (as in the CSV), then one row per record; the header is frozen and
 * carries an auto-filter. Text cells are strings, never formulas; numbers are numeric cells; dates are date cells.
 * Like {@link CsvExport}: rows read inside a read transaction of their own, and one line in the audit trail per
 * download (who, which export, which filters, how many rows).
 */
@ApplicationScoped
public class XlsxExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    static final int WINDOW = 200;

    @Inject
    Event<CsvExport.Exported> exported;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    public <T> Response stream(String fileStem, String export, String filters, List<XlsxColumn<T>> columns,
            Supplier<Stream<T>> rows) {
        String username = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        Locale locale = CurrentLocale.current();
        StreamingOutput body = out -> {
            long written = QuarkusTransaction.requiringNew().timeout(CsvExport.READ_TIMEOUT_SECONDS)
                    .call(() -> write(out, export, locale, columns, rows));
            exported.fire(new CsvExport.Exported(username, export + ".xlsx", filters, written));
        };
        return Response.ok(body, XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(fileStem) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The XLSX of a CSV export: the same columns ({@link CsvColumn#xlsx}), the same rows, the same audit line (its
     * export name followed by {@code .xlsx}).
     */
    public <T> Response table(String fileStem, String export, String filters, List<CsvColumn<T>> columns,
            Supplier<Stream<T>> rows) {
        return stream(fileStem, export, filters, CsvColumn.xlsx(columns), rows);
    }

    /**
     * A sheet laid out by the caller (a supervisory template): title lines in bold, an empty row, then the rows as
     * given, each value in its own cell: text as a string, a whole number (Integer, Long) as a number shown without
     * decimals, any other number (BigDecimal) as a number with two, a date as a date, an enum as its name; null leaves
     * the cell empty. Downloaded and audited as {@link #stream} (one line per download, {@code rows} = data rows).
     */
    public Response grid(String fileStem, String export, String filters, String sheetName, List<String> title,
            List<List<Object>> rows, long dataRows) {
        String username = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        StreamingOutput body = out -> {
            writeGrid(out, sheetName, title, rows);
            exported.fire(new CsvExport.Exported(username, export + ".xlsx", filters, dataRows));
        };
        return Response.ok(body, XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(fileStem) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Writes a laid-out sheet ({@link #grid}) to {@code out}. */
    public static void writeGrid(OutputStream out, String sheetName, List<String> title, List<List<Object>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            Styles styles = Styles.of(workbook);
            int r = 0;
            for (String line : title) {
                Cell cell = sheet.createRow(r++).createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(styles.bold());
            }
            r++;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Integer || value instanceof Long) {
                        cell.setCellValue(((Number) value).longValue());
                        cell.setCellStyle(styles.integer());
                    } else if (value instanceof Number number) {
                        cell.setCellValue(XlsxColumn.number(number));
                        cell.setCellStyle(styles.amount());
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(styles.date());
                    } else if (value instanceof Enum<?> constant) {
                        cell.setCellValue(constant.name());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(workbook);
        }
    }

    static String fileName(String stem) {
        return stem + "-" + AppClock.today() + ".xlsx";
    }

    /** Writes the workbook to {@code out}; the number of data rows. */
    public <T> long write(OutputStream out, String sheetName, Locale locale, List<XlsxColumn<T>> columns,
            Supplier<Stream<T>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try (Stream<T> stream = rows.get()) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            Styles styles = Styles.of(workbook);
            Row labels = sheet.createRow(0);
            Row codes = sheet.createRow(1);
            for (int c = 0; c < columns.size(); c++) {
                XlsxColumn<T> column = columns.get(c);
                Cell label = labels.createCell(c);
                label.setCellValue(Messages.get(locale, column.labelKey()));
                label.setCellStyle(styles.bold());
                codes.createCell(c).setCellValue(column.name());
                sheet.setColumnWidth(c, column.kind() == XlsxColumn.Kind.TEXT ? 40 * 256 : 18 * 256);
            }
            sheet.createFreezePane(0, 2);
            long count = 0;
            Iterator<T> cursor = stream.iterator();
            while (cursor.hasNext()) {
                T record = cursor.next();
                Row row = sheet.createRow((int) (count + 2));
                for (int c = 0; c < columns.size(); c++) {
                    cell(row, c, columns.get(c), record, styles);
                }
                if (++count % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            }
            sheet.setAutoFilter(new CellRangeAddress(1, (int) Math.max(1, count + 1), 0, columns.size() - 1));
            workbook.write(out);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(workbook);
        }
    }

    /** The cell styles both sheets use: bold headings, ISO dates, whole numbers and amounts. */
    private record Styles(CellStyle bold, CellStyle date, CellStyle integer, CellStyle amount, CellStyle moment) {

        static Styles of(SXSSFWorkbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(font);
            return new Styles(bold, format(workbook, "yyyy-mm-dd"), format(workbook, "#,##0"),
                    format(workbook, "#,##0.00"), format(workbook, "yyyy-mm-dd hh:mm:ss"));
        }

        private static CellStyle format(SXSSFWorkbook workbook, String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }
    }

    /** Deletes the workbook's temporary files; the response is already written or failed. */
    private static void release(SXSSFWorkbook workbook) {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException ignored) {
            // nothing left to tell the client
        }
    }

    private static <T> void cell(Row row, int index, XlsxColumn<T> column, T record, Styles styles) {
        Object value = column.value(record);
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(index);
        switch (column.kind()) {
            case NUMBER -> cell.setCellValue(XlsxColumn.number(value));
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date());
            }
            case INSTANT -> {
                cell.setCellValue(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                cell.setCellStyle(styles.moment());
            }
            case BOOL -> cell.setCellValue((Boolean) value);
            case CODE -> cell.setCellValue(value instanceof Enum<?> constant ? constant.name() : value.toString());
            case TEXT -> cell.setCellValue(value.toString());
        }
    }
}
