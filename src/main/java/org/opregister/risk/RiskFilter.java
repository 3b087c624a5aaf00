package org.opregister.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opregister.incident.BusinessLine;
import org.opregister.incident.EventCategory;
import org.opregister.web.FieldErrors;
import org.opregister.web.FormInput;
import org.opregister.web.LikePattern;
import org.opregister.web.QueryString;

/** Filters of the risk register: text, status, event type, business line, residual band. */
public record RiskFilter(String q, RiskStatus status, EventCategory eventCategory, BusinessLine businessLine, RiskBand band) {

    private static final Map<String, String> SORTS = Map.of(
            "reference", "reference", "title", "lower(title)", "owner", "lower(owner)",
            "inherent", "inherentScore", "residual", "residualScore", "status", "status");

    public record Query(String where, Map<String, Object> parameters) {
    }

    /** ORDER BY for a sort code ("-residual": highest residual score first, the default). */
    public static String orderBy(String sort) {
        String code = sort == null || sort.isBlank() ? "-residual" : sort;
        boolean descending = code.startsWith("-");
        String column = SORTS.get(descending ? code.substring(1) : code);
        if (column == null) {
            return "residualScore desc, reference";
        }
        return column + (descending ? " desc" : "") + ", reference";
    }

    Query query() {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (q != null) {
            String like = " like :q" + LikePattern.ESCAPE;
            clauses.add("(lower(reference)" + like + " or lower(title)" + like + " or lower(owner)" + like
                    + " or lower(orgUnit)" + like + ")");
            parameters.put("q", LikePattern.contains(q));
        }
        if (status != null) {
            clauses.add("status = :status");
            parameters.put("status", status);
        }
        if (eventCategory != null) {
            clauses.add("eventCategory = :category");
            parameters.put("category", eventCategory);
        }
        if (businessLine != null) {
            clauses.add("businessLine = :line");
            parameters.put("line", businessLine);
        }
        if (band != null) {
            clauses.add("residualScore between :low and :high");
            parameters.put("low", band.from);
            parameters.put("high", band.ordinal() + 1 < RiskBand.values().length ? RiskBand.values()[band.ordinal() + 1].from - 1 : 25);
        }
        return new Query(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
    }

    /** The raw parameters, as typed. */
    public record Params(String q, String status, String eventType, String businessLine, String band) {

        public RiskFilter parse(FieldErrors errors) {
            FormInput input = new FormInput(errors);
            return new RiskFilter(input.text("q", q, false, 200), input.choice("status", status, RiskStatus.class, false),
                    input.choice("eventType", eventType, EventCategory.class, false),
                    input.choice("businessLine", businessLine, BusinessLine.class, false),
                    input.choice("band", band, RiskBand.class, false));
        }

        public String queryString() {
            return new QueryString().add("q", q).add("status", status).add("eventType", eventType)
                    .add("businessLine", businessLine).add("band", band).toString();
        }

        /** A column header's link: the other direction when already sorted by it; scores start highest first. */
        public String sortLink(String current, String column) {
            boolean scores = column.equals("inherent") || column.equals("residual");
            String first = scores ? "-" + column : column;
            String second = scores ? column : "-" + column;
            return listUrl(first.equals(current) ? second : first);
        }

        public String listUrl(String sort) {
            String query = queryString();
            return "/risks?" + query + (query.isEmpty() ? "" : "&") + "sort=" + sort;
        }
    }
}
