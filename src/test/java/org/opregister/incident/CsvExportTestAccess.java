package org.opregister.incident;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

/** Lets tests of other packages parse CSV the way the export tests do. */
public final class CsvExportTestAccess {

    private CsvExportTestAccess() {
    }

    public static List<CSVRecord> parse(String text) throws IOException {
        return CsvExportTest.parse(text);
    }
}
