package org.opregister.losses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opregister.incident.DateBasis;

/** The period the losses page reads, on which date basis, and the trend's grain. */
public record LossPeriod(LocalDate from, LocalDate to, DateBasis basis, Grain grain) {

    /** The longest period the page takes. */
    static final int MAX_YEARS = 10;

    /**
     * The default: the twelve calendar months ending with the month of the latest date that holds data (on a fresh
     * install, the example case's), or with the current month when there is none.
     */
    public static LossPeriod latestTwelveMonths(LocalDate latest, DateBasis basis, Grain grain) {
        LocalDate to = latest.withDayOfMonth(latest.lengthOfMonth());
        return new LossPeriod(latest.withDayOfMonth(1).minusMonths(11), to, basis, grain);
    }

    /** A trend bucket: its label and its days, clipped to the period. */
    public record Bucket(String label, int year, int index, LocalDate from, LocalDate to) {
    }

    /** Every bucket of the period, oldest first, empty ones included. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (LocalDate start = grain.start(from); !start.isAfter(to); start = grain.next(start)) {
            LocalDate end = grain.next(start).minusDays(1);
            buckets.add(new Bucket(grain.label(start), start.getYear(), grain.index(start),
                    start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
        }
        return buckets;
    }
}
