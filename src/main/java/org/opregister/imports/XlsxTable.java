package org.opregister.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * The first sheet of an XLSX workbook, read row by row from the sheet's XML ({@link XSSFReader} for the parts, a StAX
 * reader for the sheet), so that only one row is held at a time. Cells come out as the CSV would have them: shared and
 * inline strings as text, booleans as {@code true}/{@code false}, numbers in plain notation, cells formatted as dates
 * as ISO dates (or UTC instants when they carry a time); numbers lose trailing zeros (7.0 is 7). Empty rows are
 * skipped; a row's line is its row number.
 */
final class XlsxTable extends Table {

    private final OPCPackage workbook;
    private final Path copy;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final List<String> header;
    private Row next;
    private boolean firstRow = true;

    private XlsxTable(OPCPackage workbook, Path copy, InputStream sheet, XMLStreamReader xml,
            ReadOnlySharedStringsTable strings,
            StylesTable styles, Map<String, String> mapping) {
        this.workbook = workbook;
        this.copy = copy;
        this.sheet = sheet;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        RawRow first = readRow();
        if (first == null) {
            close();
            throw new Unreadable("error.uploadEmpty");
        }
        List<String> names = new ArrayList<>();
        for (String cell : first.cells()) {
            names.add(name(cell == null ? "" : cell, mapping));
        }
        this.header = List.copyOf(names);
    }

    /**
     * The workbook the stream holds, copied to a temporary file first (a zip is read from its end; from a file, POI
     * reads only the parts it needs instead of holding them all in memory). The file is deleted when the table closes.
     */
    static XlsxTable open(InputStream data, Map<String, String> mapping) {
        OPCPackage workbook = null;
        Path copy = null;
        try (data) {
            copy = Files.createTempFile("oprisk-import-", ".xlsx");
            Files.copy(data, copy, StandardCopyOption.REPLACE_EXISTING);
            workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                workbook.revert();
                delete(copy);
                throw new Unreadable("error.uploadEmpty");
            }
            InputStream sheet = sheets.next();
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return new XlsxTable(workbook, copy, sheet, factory.createXMLStreamReader(sheet), strings, styles,
                    mapping);
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | POIXMLException
                | IllegalArgumentException | IllegalStateException e) {
            if (workbook != null) {
                workbook.revert();
            }
            delete(copy);
            throw new Unreadable("imports.error.xlsxUnreadable");
        }
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
                if (next == null) {
                    RawRow raw = readRow();
                    if (raw != null && firstRow && codes(raw)) {
                        raw = readRow();
                    }
                    firstRow = false;
                    if (raw != null) {
                        Map<String, String> cells = new LinkedHashMap<>();
                        for (int i = 0; i < header.size() && i < raw.cells().size(); i++) {
                            String value = raw.cells().get(i);
                            cells.put(header.get(i), value == null ? "" : unprotect(value));
                        }
                        next = new Row(raw.line(), cells);
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    /**
     * Whether the row holds the column codes under the headings, as the register's own XLSX exports write them in
     * their second row: each cell is its column's code. Not data, so an XLSX export reads back as its CSV does.
     */
    private boolean codes(RawRow raw) {
        if (raw.cells().size() < header.size()) {
            return false;
        }
        for (int i = 0; i < header.size(); i++) {
            String cell = raw.cells().get(i);
            if (cell == null || !cell.strip().equals(header.get(i))) {
                return false;
            }
        }
        return true;
    }

    private record RawRow(long line, List<String> cells) {
    }

    /** The next row with at least one value, or null at the end of the sheet. */
    private RawRow readRow() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String number = xml.getAttributeValue(null, "r");
                    List<String> cells = readCells();
                    if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                        return new RawRow(number == null ? 0 : Long.parseLong(number), cells);
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new Unreadable("imports.error.xlsxUnreadable");
        }
    }

    /** The cells of the row the reader is in, by column (gaps as null), up to the row's end. */
    private List<String> readCells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                int column = ref == null ? cells.size() : column(ref);
                String value = cell(type, style);
                while (cells.size() < column) {
                    cells.add(null);
                }
                cells.add(value);
            }
        }
        return cells;
    }

    /** The value of the cell the reader is at, read up to the cell's end. */
    private String cell(String type, String style) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        boolean inValue = false;
        boolean inText = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                inValue = "v".equals(xml.getLocalName());
                inText = "t".equals(xml.getLocalName());
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (inValue) {
                    value.append(xml.getText());
                } else if (inText) {
                    inline.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    break;
                }
                inValue = false;
                inText = false;
            }
        }
        String raw = value.toString();
        if ("inlineStr".equals(type)) {
            return inline.toString();
        }
        if (raw.isEmpty()) {
            return null;
        }
        return switch (type == null ? "n" : type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            case "b" -> "1".equals(raw.strip()) ? "true" : "false";
            case "n" -> number(raw.strip(), style);
            default -> raw;
        };
    }

    /** A number as the CSV writes it; a date-formatted number as an ISO date, or a UTC instant with a time. */
    private String number(String raw, String style) {
        if (style != null && styles != null) {
            XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
            if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(),
                    cellStyle.getDataFormatString())) {
                LocalDateTime moment = DateUtil.getLocalDateTime(Double.parseDouble(raw));
                return moment.toLocalTime().toSecondOfDay() == 0
                        ? moment.toLocalDate().toString()
                        : moment.toInstant(ZoneOffset.UTC).toString();
            }
        }
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
    }

    /** The zero-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        int column = 0;
        for (char c : ref.toCharArray()) {
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheet.close();
        } catch (XMLStreamException | IOException e) {
            // Read to its end or given up: nothing more to release.
        }
        workbook.revert();
        delete(copy);
    }

    private static void delete(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            copy.toFile().deleteOnExit();
        }
    }
}
