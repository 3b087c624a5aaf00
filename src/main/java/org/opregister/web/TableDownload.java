package org.opregister.web;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

/**
 * How a table is downloaded: {@link CsvExport#stream} or {@link XlsxExport#table}, from the same columns, rows,
 * filters and audit name. A resource parses its filters once and hands the table to either:
 * {@code export(query, csvExport::stream)} for {@code export.csv}, {@code export(query, xlsxExport::table)} for
 * {@code export.xlsx}.
 */
@FunctionalInterface
public interface TableDownload {

    <T> Response send(String fileStem, String export, String filters, List<CsvColumn<T>> columns,
            Supplier<Stream<T>> rows);
}
