package org.opregister.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.hibernate.FlushMode;
import org.hibernate.Session;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.StoredText;
import org.opregister.incident.ImportedLedgers;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentForm;
import org.opregister.incident.IncidentForm.IncidentData;
import org.opregister.incident.IncidentImport;
import org.opregister.incident.IncidentImport.History;
import org.opregister.incident.IncidentImport.ImportedLine;
import org.opregister.incident.IncidentImport.Outcome;
import org.opregister.incident.IncidentStatus;
import org.opregister.incident.LossForm;
import org.opregister.incident.LossForm.LossData;
import org.opregister.incident.LossType;
import org.opregister.incident.RateSource;
import org.opregister.incident.RecoveryStatus;
import org.opregister.incident.Severity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * Incidents and their ledger lines from two files in the columns of {@code /incidents/export.csv} and
 * {@code /losses/export.csv}. Each row becomes the form it would be typed into and goes through
 * {@link IncidentImport}, so a row is refused for exactly what the form would refuse; every problem is reported with
 * its file, line and column. Keys: an incident is the bank's {@code external_reference} when given, else the file's
 * {@code reference}; a line is its {@code external_reference} when given, else its {@code loss_id}. Incidents
 * grouped under a root event are read in a second pass over the file, once every root exists. The loss file is read
 * once more before the incidents, to sum each incident's ledger, so that every record is inserted once with its
 * figures ({@link ImportedLedgers}). Runs inside the importer's transaction; whether it is kept is the caller's
 * decision.
 */
final class IncidentRows {

    static final String INCIDENTS = ImportPart.INCIDENTS;
    static final String LOSSES = ImportPart.LOSSES;

    /** Flush and forget what was written every this many rows, so the session stays small. */
    private static final int BATCH = 200;

    /** Incident columns read, by the form field (or import field) they fill. */
    static final Map<String, String> INCIDENT_COLUMNS = RowChecks.columns("title", "title", "status", "status",
            "severity",
            "severity", "eventCategory", "event_category", "eventType", "event_type", "businessLine", "business_line",
            "orgUnit", "org_unit", "owner", "owner", "occurrenceDate", "occurrence_date", "discoveryDate",
            "discovery_date", "reportingDate", "reporting_date", "closureDate", "closure_date", "nearMiss",
            "near_miss", "gainEvent", "gain_event", "legalEntity", "legal_entity", "rootEvent", "root_event",
            "creditBoundary", "credit_boundary", "marketBoundary", "market_boundary", "causes", "causes",
            "rootCause", "root_cause", "thirdParty", "third_party", "description", "description", "closedBy",
            "closed_by", "closedAt", "closed_at", "reference", "reference", "externalReference",
            "external_reference");

    /** Columns of the export that are computed here, not read: totals, stamps. */
    static final Set<String> INCIDENT_COMPUTED = Set.of("gross_loss", "recoveries", "net_loss", "expected_recoveries",
            "provisions", "reporting_currency", "created_at", "created_by", "updated_at", "updated_by");

    static final List<String> INCIDENT_REQUIRED = List.of("title", "severity", "event_category", "event_type",
            "business_line", "org_unit", "owner", "occurrence_date", "discovery_date");

    static final Map<String, String> LINE_COLUMNS = RowChecks.columns("incident", "incident_reference", "lossId",
            "loss_id",
            "externalReference", "external_reference", "type", "entry_type", "recoveryStatus", "recovery_status",
            "amount", "amount", "currency", "currency", "fxRate", "fx_rate", "fxSource", "fx_source", "fxReason",
            "fx_reason", "rateInto", "reporting_currency", "accountingDate", "accounting_date", "businessLine",
            "business_line", "postClosure", "post_closure", "description", "description");

    static final Set<String> LINE_COMPUTED = Set.of("reporting_amount", "incident_event_category",
            "incident_event_type", "incident_business_line", "incident_occurrence_date", "incident_discovery_date",
            "incident_near_miss", "incident_gain_event", "created_at", "created_by", "updated_at", "updated_by");

    static final List<String> LINE_REQUIRED = List.of("incident_reference", "entry_type", "amount", "currency",
            "accounting_date", "description");

    private final IncidentImport register;
    private final ImportReport report;
    private final IntConsumer progress;

    /** The file's reference of each incident → its key; each key → the incident's id once written. */
    private final Map<String, String> keyOfReference = new HashMap<>();
    private final Map<String, Long> idOfKey = new HashMap<>();
    private final Map<String, Long> lineOfKey = new HashMap<>();
    /** Keys of incidents refused: their lines are not looked at (the incident's problem says enough). */
    private final Set<String> refused = new HashSet<>();
    private final Set<Long> touched = new LinkedHashSet<>();
    private final ImportedLedgers ledgers = new ImportedLedgers();
    private final LineKeys lineKeys = new LineKeys();
    private int written;
    private boolean incidentHeaderGood;

    IncidentRows(IncidentImport register, ImportReport report, IntConsumer progress) {
        this.register = register;
        this.report = report;
        this.progress = progress;
    }

    /**
     * Reads both files (either may be absent: loss lines alone name incidents already in the register) and writes
     * what they hold.
     */
    void run(Supplier<Table> incidents, Supplier<Table> losses) {
        Session session = Incident.getEntityManager().unwrap(Session.class);
        FlushMode mode = session.getHibernateFlushMode();
        // Flushed every BATCH rows and after each pass, not before each lookup: an automatic flush before every
        // query would look through the whole session each time. The lookups never need an unflushed row: keys are
        // unique within a file, and roots and incidents are written in passes before the rows that name them.
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            if (incidents != null && losses != null) {
                presum(losses);
            }
            boolean readable = incidents == null
                    || read(INCIDENTS, incidents, this::incidentsFirstPass) && incidentHeaderGood;
            if (readable && incidents != null) {
                read(INCIDENTS, incidents, this::incidentsGrouped);
            }
            if (losses != null && readable) {
                read(LOSSES, losses, this::lines);
            }
        } finally {
            session.flush();
            session.setHibernateFlushMode(mode);
        }
        if (!touched.isEmpty() && !report.failed()) {
            register.finish(touched, ledgers).forEach((key, problem) -> report.problem(INCIDENTS,
                    lineOfKey.getOrDefault(key, 0L), "reference", problem));
        }
    }

    private interface Pass {

        void read(Table table);
    }

    private boolean read(String file, Supplier<Table> source, Pass pass) {
        try (Table table = source.get()) {
            pass.read(table);
            Incident.flush();
            return true;
        } catch (Table.Unreadable e) {
            report.problem(file, 1, null, e.key);
            return false;
        }
    }

    private void incidentsFirstPass(Table table) {
        if (!RowChecks.header(report, INCIDENTS, table, INCIDENT_COLUMNS, INCIDENT_COMPUTED, INCIDENT_REQUIRED)) {
            return;
        }
        incidentHeaderGood = true;
        for (Table.Row row : table) {
            report.rowsRead++;
            String key = RowChecks.key(report, INCIDENTS, row, Incident.EXTERNAL_REFERENCE_MAX, lineOfKey);
            if (key == null) {
                continue;
            }
            String reference = FormInput.trimmed(row.get("reference"));
            if (reference != null) {
                keyOfReference.put(reference, key);
                ledgers.alias(reference, key);
            }
            if (row.get("root_event") == null) {
                incident(row, key, null);
            }
            tick();
        }
    }

    private void incidentsGrouped(Table table) {
        for (Table.Row row : table) {
            String key = RowChecks.key(row);
            String root = FormInput.trimmed(row.get("root_event"));
            if (root == null || key == null || !Long.valueOf(row.line()).equals(lineOfKey.get(key))) {
                continue;
            }
            incident(row, key, keyOfReference.getOrDefault(root, root));
            tick();
        }
    }

    private void incident(Table.Row row, String key, String rootKey) {
        IncidentForm form = new IncidentForm();
        form.title = row.get("title");
        form.description = row.get("description");
        form.severity = Labels.code(Severity.class, row.get("severity"));
        form.eventCategory = Labels.code(EventCategory.class, row.get("event_category"));
        form.eventType = Labels.code(EventType.class, row.get("event_type"));
        form.businessLine = Labels.code(BusinessLine.class, row.get("business_line"));
        form.orgUnit = row.get("org_unit");
        form.owner = row.get("owner");
        form.occurrenceDate = row.get("occurrence_date");
        form.discoveryDate = row.get("discovery_date");
        String causes = row.get("causes");
        form.causes = causes == null
                ? List.of()
                : Arrays.stream(causes.split(";")).map(cause -> Labels.code(Cause.class, cause.strip())).toList();
        form.rootCause = row.get("root_cause");
        form.thirdParty = row.get("third_party");
        form.nearMiss = Labels.bool(row.get("near_miss"));
        form.gainEvent = Labels.bool(row.get("gain_event"));
        form.legalEntity = row.get("legal_entity");
        form.creditBoundary = Labels.bool(row.get("credit_boundary"));
        form.marketBoundary = Labels.bool(row.get("market_boundary"));
        FieldErrors errors = new FieldErrors();
        IncidentData data = form.parse(errors);
        FormInput input = new FormInput(errors);
        IncidentStatus status = input.choice("status",
                Labels.code(IncidentStatus.class, row.get("status")), IncidentStatus.class, false);
        History history = new History(status, input.date("reportingDate", row.get("reporting_date"), false),
                input.date("closureDate", row.get("closure_date"), false),
                input.text("closedBy", row.get("closed_by"), false, 64),
                RowChecks.instant("closedAt", row.get("closed_at"),
                        errors));
        IncidentImport.Written written = register.incident(key, data, rootKey, history, ledgers, errors);
        if (written == null) {
            refused.add(key);
            RowChecks.report(report, INCIDENTS, row.line(), errors, INCIDENT_COLUMNS);
            return;
        }
        report.counted(INCIDENTS, written.outcome());
        idOfKey.put(key, written.incident().id);
        if (written.outcome() != Outcome.SKIPPED) {
            touched.add(written.incident().id);
        }
    }

    private void lines(Table table) {
        if (!RowChecks.knownColumns(report, LOSSES, table, LINE_COLUMNS, LINE_COMPUTED, LINE_REQUIRED)) {
            return;
        }
        if (!table.header().contains("loss_id") && !table.header().contains("external_reference")) {
            report.problem(LOSSES, 1, "loss_id", "imports.error.missingColumn", "loss_id");
            return;
        }
        for (Table.Row row : table) {
            report.rowsRead++;
            tick();
            String named = FormInput.trimmed(row.get("incident_reference"));
            if (named == null) {
                report.problem(LOSSES, row.line(), "incident_reference", "error.required");
                continue;
            }
            String incidentKey = keyOfReference.getOrDefault(named, named);
            if (refused.contains(incidentKey)) {
                continue;
            }
            Incident incident = incident(incidentKey, named);
            if (incident == null) {
                report.problem(LOSSES, row.line(), "incident_reference", "imports.error.unknownIncident", named);
                continue;
            }
            String external = FormInput.trimmed(row.get("external_reference"));
            String key = external != null ? external : FormInput.trimmed(row.get("loss_id"));
            String keyColumn = external != null ? "external_reference" : "loss_id";
            if (key == null) {
                report.problem(LOSSES, row.line(), "loss_id", "error.required");
                continue;
            }
            if (key.length() > Incident.EXTERNAL_REFERENCE_MAX) {
                report.problem(LOSSES, row.line(), keyColumn, "error.tooLong", Incident.EXTERNAL_REFERENCE_MAX);
                continue;
            }
            if (!lineKeys.firstTime(incident.id, key)) {
                report.problem(LOSSES, row.line(), keyColumn, "imports.error.duplicateLine", key, named);
                continue;
            }
            FieldErrors errors = new FieldErrors();
            ImportedLine line = line(row, key, errors);
            Outcome outcome = errors.any() ? null : register.line(incident, ledgers, line, errors);
            if (outcome == null) {
                RowChecks.report(report, LOSSES, row.line(), errors, LINE_COLUMNS);
                continue;
            }
            report.counted(LOSSES, outcome);
            if (outcome != Outcome.SKIPPED) {
                touched.add(incident.id);
            }
        }
    }

    /**
     * The loss file summed per incident it names, before any incident is written. Nothing is reported here: the
     * lines' own pass reports every problem of the file.
     */
    private void presum(Supplier<Table> losses) {
        try (Table table = losses.get()) {
            if (!table.header().containsAll(LINE_REQUIRED)) {
                return;
            }
            for (Table.Row row : table) {
                String named = FormInput.trimmed(row.get("incident_reference"));
                FieldErrors errors = new FieldErrors();
                ImportedLine line = named == null ? null : line(row, null, errors);
                if (line != null && !errors.any()) {
                    register.presum(named, line, ledgers);
                }
            }
        } catch (Table.Unreadable e) {
            // The lines' own pass reports it.
        }
    }

    /** A ledger line as its row types it; its problems go to {@code errors}. */
    private static ImportedLine line(Table.Row row, String key, FieldErrors errors) {
        LossForm form = new LossForm();
        form.type = Labels.code(LossType.class, row.get("entry_type"));
        form.recoveryStatus = Labels.code(RecoveryStatus.class, row.get("recovery_status"));
        form.amount = row.get("amount");
        form.currency = row.get("currency");
        form.fxRate = row.get("fx_rate");
        form.fxReason = row.get("fx_reason");
        form.accountingDate = row.get("accounting_date");
        form.businessLine = Labels.code(BusinessLine.class, row.get("business_line"));
        form.description = row.get("description");
        LossData data = form.parse(errors);
        FormInput input = new FormInput(errors);
        RateSource source = input.choice("fxSource",
                Labels.code(RateSource.class, row.get("fx_source")), RateSource.class, false);
        String into = FormInput.trimmed(row.get("reporting_currency"));
        String closing = Labels.bool(row.get("post_closure"));
        Boolean postClosure = null;
        if (closing != null) {
            if ("true".equalsIgnoreCase(closing.strip()) || "false".equalsIgnoreCase(closing.strip())) {
                postClosure = Boolean.valueOf(closing.strip().toLowerCase(Locale.ROOT));
            } else {
                errors.add("postClosure", "error.choice");
            }
        }
        return new ImportedLine(key, data, source, into, postClosure);
    }

    /**
     * The keys of the lines read so far, by incident, to find a key given twice. The lines of an incident usually
     * come together (the exports write them so): the keys of the incident being read are a set; those of an incident
     * read before are kept joined in one string (a tenth of the memory a set of them takes), and read back into the
     * set if its lines come again further down.
     */
    private static final class LineKeys {

        private static final String SEPARATOR = "\u001F";

        private final Map<Long, String> earlier = new HashMap<>();
        private final Set<String> current = new HashSet<>();
        private long currentIncident = -1;

        /**
         * Whether this key is new for the incident (else it was given already). Compared as stored: without control
         * characters, so the separator cannot be part of a key.
         */
        boolean firstTime(long incident, String given) {
            String key = StoredText.clean(given);
            if (incident != currentIncident) {
                if (currentIncident != -1) {
                    earlier.put(currentIncident, String.join(SEPARATOR, current));
                }
                current.clear();
                String seen = earlier.remove(incident);
                if (seen != null) {
                    current.addAll(Arrays.asList(seen.split(SEPARATOR, -1)));
                }
                currentIncident = incident;
            }
            return current.add(key);
        }
    }

    /** The incident a line names: one of the file's (by its reference or key), else one already in the register. */
    private Incident incident(String key, String named) {
        Long id = idOfKey.get(key);
        if (id != null) {
            return Incident.findById(id);
        }
        if (lineOfKey.containsKey(key)) {
            return null;
        }
        Incident found = register.find(named);
        return found != null ? found : Incident.findByReference(named);
    }

    private void tick() {
        if (++written % BATCH == 0) {
            Incident.flush();
            Incident.getEntityManager().clear();
            progress.accept(report.rowsRead);
        }
    }

    /** The bank's key of each incident of the file, by the file's reference (an action plan may name either). */
    Map<String, String> keys() {
        return keyOfReference;
    }

    /** The keys of the incidents written, for tests. */
    List<Long> touched() {
        return new ArrayList<>(touched);
    }
}
