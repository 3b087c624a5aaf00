package org.opregister.reference;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.web.QueryString;
import org.opregister.web.Where;

/** The rate list's filter: base currency, currency, and a range of rate dates (each optional). */
public record FxRateFilter(String base, String currency, LocalDate from, LocalDate to) {

    public static class Params {

        @QueryParam("base")
        public String base;
        @QueryParam("currency")
        public String currency;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("page")
        public String page;
        @QueryParam("size")
        public String size;

        public FxRateFilter parse(FieldErrors errors) {
            FormInput input = new FormInput(errors);
            LocalDate fromDate = input.date("from", from, false);
            LocalDate toDate = input.date("to", to, false);
            if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
                errors.add("to", "error.fxDateRange");
                toDate = null;
            }
            return new FxRateFilter(code("base", base, errors), code("currency", currency, errors), fromDate, toDate);
        }

        private static String code(String field, String value, FieldErrors errors) {
            String text = FormInput.trimmed(value);
            if (text == null) {
                return null;
            }
            String code = text.toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{3}")) {
                errors.add(field, "error.currency");
                return null;
            }
            return code;
        }

        /** The filters as a query string (without page and size). */
        public String query() {
            return new QueryString().add("base", base).add("currency", currency).add("from", from).add("to", to)
                    .toString();
        }

        public String pagerBase() {
            String query = query();
            return "/fx-rates?" + (query.isEmpty() ? "" : query + "&");
        }
    }

    Where where() {
        return new Where().and("baseCurrency = :base", "base", base).and("currency = :currency", "currency", currency)
                .and("rateDate >= :from", "from", from).and("rateDate <= :to", "to", to);
    }

    /** For the export's line in the audit trail. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (base != null) {
            text.append("base=").append(base).append(' ');
        }
        if (currency != null) {
            text.append("currency=").append(currency).append(' ');
        }
        if (from != null) {
            text.append("from=").append(from).append(' ');
        }
        if (to != null) {
            text.append("to=").append(to);
        }
        return text.toString().strip();
    }
}
