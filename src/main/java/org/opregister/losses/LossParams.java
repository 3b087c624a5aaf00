package org.opregister.losses;

import java.time.LocalDate;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.incident.DateBasis;
import org.opregister.web.QueryString;

/**
 * The losses page's query parameters (URL contract: from, to, dates, grain, level), as typed. Without from and to
 * the period is the latest twelve months that hold data ({@link LossPeriod#latestTwelveMonths}); with one of them,
 * the twelve months from or to it.
 */
public class LossParams {

    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("dates")
    public String dates;
    @QueryParam("grain")
    public String grain;
    @QueryParam("level")
    public String level;

    public LossParams() {
    }

    public LossParams(String from, String to, String dates, String grain) {
        this.from = from;
        this.to = to;
        this.dates = dates;
        this.grain = grain;
    }

    /** The parameters that name this period. */
    public static LossParams of(LossPeriod period) {
        return new LossParams(period.from().toString(), period.to().toString(), period.basis().name(),
                period.grain().name());
    }

    /**
     * The period, or null with the errors when the input is wrong. {@code latestData}: the latest date holding data
     * on a basis (null when there is none).
     */
    public LossPeriod parse(FieldErrors errors, Function<DateBasis, LocalDate> latestData) {
        FormInput input = new FormInput(errors);
        DateBasis basis = input.choice("dates", dates, DateBasis.class, false);
        Grain parsedGrain = input.choice("grain", grain, Grain.class, false);
        LocalDate fromDate = input.date("from", from, false);
        LocalDate toDate = input.date("to", to, false);
        if (errors.any()) {
            return null;
        }
        basis = basis == null ? DateBasis.ACCOUNTING : basis;
        parsedGrain = parsedGrain == null ? Grain.MONTH : parsedGrain;
        if (fromDate == null && toDate == null) {
            LocalDate latest = latestData.apply(basis);
            return LossPeriod.latestTwelveMonths(latest == null ? AppClock.today() : latest, basis, parsedGrain);
        }
        if (fromDate == null) {
            fromDate = toDate.minusYears(1).plusDays(1);
        }
        if (toDate == null) {
            toDate = fromDate.plusYears(1).minusDays(1);
        }
        if (toDate.isBefore(fromDate)) {
            errors.add("to", "error.toBeforeFrom");
            return null;
        }
        if (!toDate.isBefore(fromDate.plusYears(LossPeriod.MAX_YEARS))) {
            errors.add("to", "losses.error.periodTooLong", LossPeriod.MAX_YEARS);
            return null;
        }
        return new LossPeriod(fromDate, toDate, basis, parsedGrain);
    }

    /** Level 2 rows of the matrix are shown. */
    public boolean level2() {
        return "2".equals(FormInput.trimmed(level));
    }

    /** The parameters as typed, for the download links (the download reads the same period). */
    public String queryString() {
        return new QueryString().add("from", from).add("to", to).add("dates", dates).add("grain", grain)
                .toString();
    }

    /** The page's URL for a period, keeping the other choices. */
    public static String pageUrl(LossPeriod period, boolean level2) {
        return "/losses?" + periodQuery(period) + "&grain=" + period.grain().name() + (level2 ? "&level=2" : "");
    }

    static String periodQuery(LossPeriod period) {
        return new QueryString().add("dates", period.basis().name()).add("from", period.from().toString())
                .add("to", period.to().toString()).toString();
    }
}
