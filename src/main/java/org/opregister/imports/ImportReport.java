package org.opregister.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did or would do: records created, updated and left as they were, for incidents and for ledger
 * lines, and the bad cells (the first {@link #MAX_KEPT} kept, all counted).
 */
final class ImportReport {

    static final int MAX_KEPT = 500;

    int rowsRead;
    int created;
    int updated;
    int skipped;
    int linesCreated;
    int linesUpdated;
    int linesSkipped;
    int errorCount;
    final List<ImportProblem> problems = new ArrayList<>();

    void problem(String file, long line, String column, String key, Object... args) {
        errorCount++;
        if (problems.size() < MAX_KEPT) {
            List<String> texts = new ArrayList<>();
            for (Object arg : args) {
                texts.add(String.valueOf(arg));
            }
            problems.add(new ImportProblem(file, line, column == null ? "" : column, key, List.copyOf(texts)));
        }
    }

    boolean failed() {
        return errorCount > 0;
    }
}
