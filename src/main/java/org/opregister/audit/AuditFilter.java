package org.opregister.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.web.QueryString;

/** Filters of the /audit page and its export: user, record type, record (id or label), action, UTC date range. */
public record AuditFilter(String username, String recordType, String record, AuditAction action, LocalDate from,
        LocalDate to) {

    public Instant fromInstant() {
        return from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public Instant toInstantExclusive() {
        return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The parameters as typed. */
    public record Params(String user, String type, String record, String action, String from, String to) {

        public AuditFilter parse(FieldErrors errors) {
            FormInput input = new FormInput(errors);
            LocalDate fromDate = input.date("from", from, false);
            LocalDate toDate = input.date("to", to, false);
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                errors.add("to", "error.toBeforeFrom");
                toDate = null;
            }
            return new AuditFilter(input.text("user", user, false, 64), input.text("type", type, false, 60),
                    input.text("record", record, false, 200), input.choice("action", action, AuditAction.class, false),
                    fromDate, toDate);
        }

        public String queryString() {
            return new QueryString().add("user", user).add("type", type).add("record", record).add("action", action)
                    .add("from", from).add("to", to).toString();
        }

        public String pagerBase() {
            String query = queryString();
            return "/audit?" + query + (query.isEmpty() ? "" : "&");
        }
    }
}
