package org.opregister.incident;

import java.time.LocalDate;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;
import org.opregister.web.QueryString;

/**
 * The register's filters, as the list, the exports and the API take them from the URL.
 * {@code eventType} takes a Level 1 category or a Level 2 type code.
 */
public record IncidentFilter(String q, IncidentStatus status, EventCategory eventCategory, EventType eventType,
        BusinessLine businessLine, DateBasis dateBasis, LocalDate from, LocalDate to, DataSetScope dataSet,
        DataSetRule rule, Classification classifyBy) {

    /**
     * Which classification the event-type and business-line filters read: the incident's own (default), or its loss
     * event's, that is its root event's when it is grouped (CRR Art. 311a(4): the group is one event, classified as
     * its root), as the losses page counts it.
     */
    public enum Classification {
        INCIDENT, EVENT
    }

    /**
     * The kept totals ({@link IncidentTotals}) of this filter, when it narrows by status and the incident's own
     * classification at most; null when its totals must be counted. A new criterion of the filter belongs here too.
     */
    IncidentTotals.Scope keptScope() {
        boolean searches = q != null && !SearchWords.query(q).isEmpty();
        boolean classifiedByEvent = classifyBy == Classification.EVENT
                && (eventCategory != null || eventType != null || businessLine != null);
        if (searches || from != null || to != null || dataSet != null || classifiedByEvent) {
            return null;
        }
        return new IncidentTotals.Scope(status, eventCategory, eventType, businessLine);
    }

    /** The raw parameters, kept as typed so a page can show them back. */
    public record Params(String q, String status, String eventType, String businessLine, String dates, String from,
            String to, String dataSet, String classifyBy) {

        /** The filter typed; {@code rule}: the data set's collection rule, for the data-set filter. */
        public IncidentFilter parse(FieldErrors errors, DataSetRule rule) {
            FormInput input = new FormInput(errors);
            String text = input.text("q", q, false, 200);
            IncidentStatus parsedStatus = input.choice("status", status, IncidentStatus.class, false);
            EventCategory category = null;
            EventType type = null;
            String code = FormInput.trimmed(eventType);
            if (code != null) {
                try {
                    category = EventCategory.valueOf(code);
                } catch (IllegalArgumentException notACategory) {
                    type = input.choice("eventType", code, EventType.class, false);
                }
            }
            BusinessLine line = input.choice("businessLine", businessLine, BusinessLine.class, false);
            DateBasis basis = input.choice("dates", dates, DateBasis.class, false);
            LocalDate fromDate = input.date("from", from, false);
            LocalDate toDate = input.date("to", to, false);
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                errors.add("to", "error.toBeforeFrom");
                toDate = null;
            }
            DataSetScope scope = input.choice("dataSet", dataSet, DataSetScope.class, false);
            Classification classification = input.choice("classifyBy", classifyBy, Classification.class, false);
            return new IncidentFilter(text, parsedStatus, category, type, line,
                    basis == null ? DateBasis.OCCURRENCE : basis, fromDate, toDate, scope, rule,
                    classification == null ? Classification.INCIDENT : classification);
        }

        /** The filter part of a URL query string, for pager and sort links and the export link. */
        public String queryString() {
            return new QueryString().add("q", q).add("status", status).add("eventType", eventType)
                    .add("businessLine", businessLine).add("dates", dates).add("from", from).add("to", to)
                    .add("dataSet", dataSet).add("classifyBy", classifyBy).toString();
        }

        /** The register URL with these filters and a sort order. */
        public String listUrl(String sortCode) {
            String query = queryString();
            return "/incidents?" + query + (query.isEmpty() ? "" : "&") + "sort=" + sortCode;
        }

        /** What the pager appends page and size to. */
        public String pagerBase(String sortCode) {
            return listUrl(sortCode) + "&";
        }

    }
}
