package org.opregister.corep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/**
 * The row and column codes of COREP C 17.01 and C 17.02 as far as they could be read
 * (docs/research/corep-c17-and-sma-reading-notes.md §1.2 and shared design regulatory.md §3). Every code carries its
 * status; the row codes are written here, never derived from enum ordinals (the C 17 business-line order is not the
 * application's).
 */
public final class C17Codes {

    private C17Codes() {
    }

    /** A code of the template with its label's message key and status. */
    public record Code(String code, String labelKey, CodeStatus status) {

        public boolean provisional() {
            return status == CodeStatus.PROVISIONAL;
        }
    }

    /** What a C 17.01 row holds, which decides how its cells combine across event types. */
    public enum Measure {
        COUNT, AMOUNT, MAX, TOP5, MEMO
    }

    /** A C 17.01 row: code, label, status, measure, and its business line (null in the total block). */
    public record Row(String code, String labelKey, CodeStatus status, Measure measure, BusinessLine businessLine,
            String suffix) {

        public boolean provisional() {
            return status == CodeStatus.PROVISIONAL;
        }

        public boolean count() {
            return measure == Measure.COUNT;
        }
    }

    /** A business-line block: the row block 0x10–0x80 of one business line, in the order of the template. */
    public record Block(int number, BusinessLine businessLine, CodeStatus status) {

        public String code(String suffix) {
            return "0" + number + suffix;
        }
    }

    /** The nine business-line blocks of C 17.01, in the template's order (CF, TS, RBr, CB, RB, PS, AS, AM, CI). */
    public static final List<Block> BLOCKS = List.of(
            new Block(0, BusinessLine.CORPORATE_FINANCE, CodeStatus.CONFIRMED),
            new Block(1, BusinessLine.TRADING_AND_SALES, CodeStatus.CONFIRMED),
            new Block(2, BusinessLine.RETAIL_BROKERAGE, CodeStatus.PROVISIONAL),
            new Block(3, BusinessLine.COMMERCIAL_BANKING, CodeStatus.PROVISIONAL),
            new Block(4, BusinessLine.RETAIL_BANKING, CodeStatus.PROVISIONAL),
            new Block(5, BusinessLine.PAYMENT_AND_SETTLEMENT, CodeStatus.PROVISIONAL),
            new Block(6, BusinessLine.AGENCY_SERVICES, CodeStatus.PROVISIONAL),
            new Block(7, BusinessLine.ASSET_MANAGEMENT, CodeStatus.PROVISIONAL),
            new Block(8, BusinessLine.CORPORATE_ITEMS, CodeStatus.CONFIRMED));

    /** The row suffixes inside each block (x10–x80). */
    record Suffix(String suffix, String labelKey, CodeStatus status, Measure measure) {
    }

    static final List<Suffix> SUFFIXES = List.of(
            new Suffix("10", "corep.row.newEvents", CodeStatus.CONFIRMED, Measure.COUNT),
            new Suffix("20", "corep.row.newGross", CodeStatus.PROVISIONAL, Measure.AMOUNT),
            new Suffix("30", "corep.row.adjustedEvents", CodeStatus.PROVISIONAL, Measure.COUNT),
            new Suffix("40", "corep.row.adjustments", CodeStatus.CONFIRMED, Measure.AMOUNT),
            new Suffix("50", "corep.row.maxSingle", CodeStatus.CONFIRMED, Measure.MAX),
            new Suffix("60", "corep.row.topFive", CodeStatus.PROVISIONAL, Measure.TOP5),
            new Suffix("70", "corep.row.directRecovery", CodeStatus.PROVISIONAL, Measure.AMOUNT),
            new Suffix("80", "corep.row.insuranceRecovery", CodeStatus.PROVISIONAL, Measure.AMOUNT));

    /** Size buckets of the total block (EUR): lower bound inclusive, upper bound exclusive (null: none). */
    public record Bucket(int number, long fromEur, Long toEur, String labelKey) {
    }

    public static final List<Bucket> BUCKETS = List.of(new Bucket(1, 10_000, 20_000L, "corep.bucket.1"),
            new Bucket(2, 20_000, 100_000L, "corep.bucket.2"), new Bucket(3, 100_000, 1_000_000L, "corep.bucket.3"),
            new Bucket(4, 1_000_000, null, "corep.bucket.4"));

    /** Every row of C 17.01 in the template's order: nine blocks, then the total block with its size buckets. */
    public static final List<Row> ROWS = rows();

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Block block : BLOCKS) {
            for (Suffix suffix : SUFFIXES) {
                rows.add(new Row(block.code(suffix.suffix()), suffix.labelKey(), block.status().and(suffix.status()),
                        suffix.measure(), block.businessLine(), suffix.suffix()));
            }
        }
        for (Suffix suffix : SUFFIXES) {
            CodeStatus status = List.of("10", "50").contains(suffix.suffix())
                    ? CodeStatus.CONFIRMED
                    : CodeStatus.PROVISIONAL;
            rows.add(new Row("09" + suffix.suffix(), suffix.labelKey(), status, suffix.measure(), null,
                    suffix.suffix()));
            if (List.of("10", "20", "30", "40").contains(suffix.suffix())) {
                for (Bucket bucket : BUCKETS) {
                    rows.add(new Row("09" + suffix.suffix().charAt(0) + bucket.number(), bucket.labelKey(),
                            CodeStatus.PROVISIONAL, suffix.measure(), null, suffix.suffix()));
                }
            }
        }
        return List.copyOf(rows);
    }

    /** The event-type columns 0010–0070 in the order of {@link EventCategory} (Basel Level 1). */
    public static final Map<EventCategory, String> EVENT_TYPE_COLUMNS = Map.of(EventCategory.INTERNAL_FRAUD, "0010",
            EventCategory.EXTERNAL_FRAUD, "0020", EventCategory.EMPLOYMENT_PRACTICES, "0030",
            EventCategory.CLIENTS_PRODUCTS_PRACTICES, "0040", EventCategory.DAMAGE_TO_PHYSICAL_ASSETS, "0050",
            EventCategory.BUSINESS_DISRUPTION, "0060", EventCategory.EXECUTION_DELIVERY_PROCESS, "0070");

    public static final String TOTAL_COLUMN = "0080";
    public static final String LOWEST_THRESHOLD = "0090";
    public static final String HIGHEST_THRESHOLD = "0100";

    /** The columns of C 17.01: seven event types, their total, and the two memo columns. */
    public static final List<Code> COLUMNS = List.of(
            new Code("0010", "corep.col.internalFraud", CodeStatus.CONFIRMED),
            new Code("0020", "corep.col.externalFraud", CodeStatus.CONFIRMED),
            new Code("0030", "corep.col.employment", CodeStatus.CONFIRMED),
            new Code("0040", "corep.col.clients", CodeStatus.CONFIRMED),
            new Code("0050", "corep.col.physicalAssets", CodeStatus.CONFIRMED),
            new Code("0060", "corep.col.disruption", CodeStatus.CONFIRMED),
            new Code("0070", "corep.col.execution", CodeStatus.CONFIRMED),
            new Code(TOTAL_COLUMN, "corep.col.total", CodeStatus.CONFIRMED),
            new Code(LOWEST_THRESHOLD, "corep.col.lowestThreshold", CodeStatus.PROVISIONAL),
            new Code(HIGHEST_THRESHOLD, "corep.col.highestThreshold", CodeStatus.PROVISIONAL));

    public static Row row(String code) {
        return ROWS.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }

    public static Code column(String code) {
        return COLUMNS.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    /** The C 17.02 columns as believed (regulatory.md §3); all provisional. APP_ codes are the application's own. */
    public static final List<Code> C1702_COLUMNS = c1702Columns();

    /** The C 17.02 gross-loss-by-business-line columns, in the template's business-line order from 0080. */
    public static String c1702BusinessLineColumn(BusinessLine line) {
        for (Block block : BLOCKS) {
            if (block.businessLine() == line) {
                return String.format("%04d", 80 + 10 * block.number());
            }
        }
        throw new IllegalArgumentException(String.valueOf(line));
    }

    private static List<Code> c1702Columns() {
        List<Code> columns = new ArrayList<>();
        columns.add(new Code("0010", "corep.c1702.eventId", CodeStatus.PROVISIONAL));
        columns.add(new Code("0020", "corep.c1702.accountingDate", CodeStatus.PROVISIONAL));
        columns.add(new Code("0030", "corep.c1702.occurrenceDate", CodeStatus.PROVISIONAL));
        columns.add(new Code("0040", "corep.c1702.discoveryDate", CodeStatus.PROVISIONAL));
        columns.add(new Code("0050", "corep.c1702.eventType", CodeStatus.PROVISIONAL));
        columns.add(new Code("APP_L2", "corep.c1702.eventTypeL2", CodeStatus.PROVISIONAL));
        columns.add(new Code("0060", "corep.c1702.gross", CodeStatus.PROVISIONAL));
        columns.add(new Code("0070", "corep.c1702.grossNetOfDirect", CodeStatus.PROVISIONAL));
        columns.add(new Code("APP_INS", "corep.c1702.insurance", CodeStatus.PROVISIONAL));
        for (Block block : BLOCKS) {
            columns.add(new Code(c1702BusinessLineColumn(block.businessLine()),
                    "enum.BusinessLine." + block.businessLine().name(), CodeStatus.PROVISIONAL));
        }
        columns.add(new Code("0170", "corep.c1702.legalEntity", CodeStatus.PROVISIONAL));
        columns.add(new Code("0180", "corep.c1702.lei", CodeStatus.PROVISIONAL));
        columns.add(new Code("0190", "corep.c1702.businessUnit", CodeStatus.PROVISIONAL));
        columns.add(new Code("0200", "corep.c1702.description", CodeStatus.PROVISIONAL));
        return List.copyOf(columns);
    }
}
