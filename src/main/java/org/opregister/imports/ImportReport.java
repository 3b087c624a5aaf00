package org.opregister.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opregister.incident.IncidentImport.Outcome;

/**
 * What an import did or would do: for each part ({@link ImportPart#ORDER}) the records created, updated and left as
 * they were (and, for the links, removed), and the bad cells (the first {@link #MAX_KEPT} kept, all counted).
 */
final class ImportReport {

    static final int MAX_KEPT = 500;

    static final int CREATED = 0;
    static final int UPDATED = 1;
    static final int SKIPPED = 2;
    static final int REMOVED = 3;

    int rowsRead;
    int errorCount;
    final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();

    /** One more record of that part created, updated or left as it was. */
    void counted(String part, Outcome outcome) {
        count(part, switch (outcome) {
            case CREATED -> CREATED;
            case UPDATED -> UPDATED;
            case SKIPPED -> SKIPPED;
        });
    }

    /** One more of that part in that column ({@link #CREATED} ... {@link #REMOVED}). */
    void count(String part, int column) {
        count(part, column, 1);
    }

    /** So many more of that part in that column. */
    void count(String part, int column, int howMany) {
        counts.computeIfAbsent(part, p -> new int[4])[column] += howMany;
    }

    /** The counts of that part (created, updated, unchanged, removed), or null when none was counted. */
    int[] counts(String part) {
        return counts.get(part);
    }

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
