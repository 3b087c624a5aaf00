package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * A computed C 17.01 and C 17.02: every cell of C 17.01 with the events behind it, the rapidly recovered events
 * left out, and the rows of C 17.02.
 */
public record C17Return(ReportingPeriod period, Map<String, Cell> cells, List<Excluded> rapidlyRecovered,
        List<LargeEvent> largeEvents) {

    /** An event as a figure's drill-down names it. */
    public record EventRef(long rootId, String reference, String title) {
    }

    /** What one event adds to a cell: a count of 1 or an amount, from one business line (null: the whole event). */
    public record Contribution(EventRef event, BusinessLine businessLine, BigDecimal amount) {
    }

    /**
     * One cell of C 17.01: its value, how many contributions it was made of, and those contributions (for a maximum or
     * the five largest: the winning ones; for a sum or a count: all of them where the return was computed to show
     * this cell's events, none otherwise).
     */
    public record Cell(String row, String column, BigDecimal value, long contributing,
            List<Contribution> contributions) {

        public boolean empty() {
            return contributing == 0;
        }
    }

    /** A rapidly recovered event left out of C 17.01: its gross loss (fully recovered within five working days). */
    public record Excluded(EventRef event, LocalDate firstAccounting, BigDecimal gross) {
    }

    /** A row of C 17.02: an event of the return whose gross loss reaches the listing threshold. */
    public record LargeEvent(int line, EventRef event, LocalDate firstAccounting, LocalDate occurrenceDate,
            LocalDate discoveryDate, EventCategory category, EventType eventType, String entityCode,
            String entityName, String entityLei, String orgUnit, BigDecimal gross, BigDecimal grossNetOfDirect,
            BigDecimal insurance, Map<BusinessLine, BigDecimal> grossByLine) {
    }

    public static String key(String row, String column) {
        return row + "/" + column;
    }

    /** The cell at that row and column, or null when the template has no such cell. */
    public Cell cell(String row, String column) {
        return cells.get(key(row, column));
    }

    public BigDecimal value(String row, String column) {
        Cell cell = cell(row, column);
        return cell == null ? null : cell.value();
    }

    public BigDecimal rapidlyRecoveredGross() {
        return rapidlyRecovered.stream().map(Excluded::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
