package org.opregister.incident;

import java.util.Map;

/**
 * A sort order for the register from the URL's {@code sort} parameter: a column code, descending when
 * prefixed with '-'. Unknown codes fall back to the default (newest occurrence first).
 */
public record IncidentSort(String column, boolean descending) {

    private static final Map<String, String> COLUMNS = Map.of(
            "reference", "i.reference",
            "title", "lower(i.title)",
            "status", rank("i.status", IncidentStatus.values()),
            "severity", rank("i.severity", Severity.values()),
            "eventType", "i.eventCategory",
            "businessLine", "i.businessLine",
            "occurrenceDate", "i.occurrenceDate",
            "reportingDate", "i.reportingDate",
            "netLoss", "i.netLoss");

    public static final IncidentSort DEFAULT = new IncidentSort("occurrenceDate", true);

    /** Sorts an enum column by declaration order rather than alphabetically. */
    private static String rank(String path, Enum<?>[] values) {
        StringBuilder expression = new StringBuilder("case");
        for (Enum<?> value : values) {
            expression.append(" when ").append(path).append(" = ").append(value.getDeclaringClass().getName())
                    .append('.').append(value.name()).append(" then ").append(value.ordinal());
        }
        return expression.append(" end").toString();
    }

    public static IncidentSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        boolean descending = value.startsWith("-");
        String column = descending ? value.substring(1) : value;
        return COLUMNS.containsKey(column) ? new IncidentSort(column, descending) : DEFAULT;
    }

    /** The ORDER BY expression, with the id as tie-breaker so pages never overlap. */
    public String orderBy() {
        String direction = descending ? " desc" : " asc";
        return COLUMNS.get(column) + direction + ", i.id" + direction;
    }

    /** Sorted by occurrence date, the order the register's filter indexes keep after their column. */
    boolean byOccurrenceDate() {
        return column.equals("occurrenceDate");
    }

    public String code() {
        return descending ? "-" + column : column;
    }

    /** The code a column header links to: the other direction when already sorted by it. */
    public String toggle(String target) {
        return target.equals(column) && !descending ? "-" + target : target;
    }

    public boolean sortedBy(String target) {
        return target.equals(column);
    }
}
