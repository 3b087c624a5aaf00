package org.opregister.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The where-clause of a list's filter, built one optional condition at a time: a condition whose value is null
 * (the user left that filter empty) is left out. Shared by a list's page, its count, its totals and its export.
 */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code clause} (naming {@code :name}) when the value is given. */
    public Where and(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause naming several parameters, when they are given (a null map: the filter is empty). */
    public Where and(String clause, Map<String, ?> values) {
        if (values != null) {
            clauses.add(clause);
            parameters.putAll(values);
        }
        return this;
    }

    /** Adds a condition that takes no parameter, when {@code applies}. */
    public Where and(boolean applies, String clause) {
        if (applies) {
            clauses.add(clause);
        }
        return this;
    }

    /** A case-insensitive "contains" on an expression (already lower-case, or wrapped in lower()). */
    public Where contains(String expression, String name, String text) {
        return and(expression + " like :" + name + LikePattern.ESCAPE, name,
                text == null ? null : LikePattern.contains(text));
    }

    /** The clause for after "where": "1 = 1" when no filter applies. */
    public String clause() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
