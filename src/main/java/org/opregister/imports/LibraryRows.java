package org.opregister.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.opregister.control.Control;
import org.opregister.control.ControlForm;
import org.opregister.control.ControlFrequency;
import org.opregister.control.ControlImport;
import org.opregister.control.ControlNature;
import org.opregister.control.ControlType;
import org.opregister.control.Effectiveness;
import org.opregister.core.FieldErrors;
import org.opregister.incident.IncidentImport.Outcome;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskForm;
import org.opregister.risk.RiskImport;
import org.opregister.risk.RiskImport.Link;
import org.opregister.risk.RiskImport.LinkCounts;
import org.opregister.risk.RiskStatus;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/**
 * The risk and control library from two files in the columns of {@code /controls/export.csv} and
 * {@code /risks/export.csv}, and the links between them: a risk's {@code controls} column and a control's
 * {@code risks} column name the other side by the file's reference, the bank's key, or one of our references. Each
 * row becomes the form it would be typed into and goes through {@link ControlImport} or {@link RiskImport}, so a row
 * is refused for exactly what the form would refuse; every problem is reported with its file, line and column. Keys
 * as for incidents: {@code external_reference} when given, else the file's {@code reference}. The links are set once
 * both files are written ({@link RiskImport#links}: the files are the truth for the records they name). Runs inside
 * the importer's transaction; whether it is kept is the caller's decision.
 */
final class LibraryRows {

    static final String CONTROLS = ImportPart.CONTROLS;
    static final String RISKS = ImportPart.RISKS;

    /** Flush and forget what was written every this many rows, so the session stays small. */
    private static final int BATCH = 200;

    /** Control columns read, by the form field (or import field) they fill. */
    static final Map<String, String> CONTROL_COLUMNS = RowChecks.columns("title", "title", "type", "control_type",
            "nature", "nature", "frequency", "frequency", "owner", "owner", "designEffectiveness",
            "design_effectiveness", "operatingEffectiveness", "operating_effectiveness", "keyControl", "key_control",
            "risks", "risks", "description", "description", "reference", "reference", "externalReference",
            "external_reference");

    static final Set<String> CONTROL_COMPUTED = Set.of("updated_at", "updated_by");

    static final List<String> CONTROL_REQUIRED = List.of("title", "control_type", "nature", "frequency", "owner");

    static final Map<String, String> RISK_COLUMNS = RowChecks.columns("title", "title", "status", "status",
            "eventCategory", "event_category", "businessLine", "business_line", "orgUnit", "org_unit", "owner",
            "owner", "assessor", "assessor", "inherentLikelihood", "inherent_likelihood", "inherentImpact",
            "inherent_impact", "residualLikelihood", "residual_likelihood", "residualImpact", "residual_impact",
            "residualComment", "residual_comment", "appetite", "appetite", "controls", "controls", "description",
            "description", "reference", "reference", "externalReference", "external_reference");

    /** Columns of the export that are computed here, not read: scores, bands, stamps. */
    static final Set<String> RISK_COMPUTED = Set.of("inherent_score", "inherent_band", "residual_score",
            "residual_band", "updated_at", "updated_by");

    static final List<String> RISK_REQUIRED = List.of("title", "status", "event_category", "business_line", "org_unit",
            "owner");

    /** A link named by a row: the row's record (by id), the other side as written, where. */
    private record Named(String file, long line, String column, long id, String named) {
    }

    private final ControlImport controls;
    private final RiskImport risks;
    private final ImportReport report;
    private final IntConsumer progress;

    private final Map<String, String> controlKeyOfReference = new HashMap<>();
    private final Map<String, String> riskKeyOfReference = new HashMap<>();
    private final Map<String, Long> controlLineOfKey = new HashMap<>();
    private final Map<String, Long> riskLineOfKey = new HashMap<>();
    /** Keys of rows refused: the links naming them are not looked at (the row's problem says enough). */
    private final Set<String> refusedControls = new HashSet<>();
    private final Set<String> refusedRisks = new HashSet<>();
    private final List<Named> risksNamed = new ArrayList<>();
    private final List<Named> controlsNamed = new ArrayList<>();
    /** The records whose links the files set (their row has the links column). */
    private final Set<Long> governedControls = new LinkedHashSet<>();
    private final Set<Long> governedRisks = new LinkedHashSet<>();
    private int written;

    LibraryRows(ControlImport controls, RiskImport risks, ImportReport report, IntConsumer progress) {
        this.controls = controls;
        this.risks = risks;
        this.report = report;
        this.progress = progress;
    }

    /** Reads both files (either may be absent) and writes what they hold, then the links they name. */
    void run(Supplier<Table> controlFile, Supplier<Table> riskFile) {
        if (controlFile != null) {
            read(CONTROLS, controlFile, this::controls);
        }
        if (riskFile != null) {
            read(RISKS, riskFile, this::risks);
        }
        Set<Link> links = new LinkedHashSet<>();
        for (Named named : risksNamed) {
            String key = riskKeyOfReference.getOrDefault(named.named(), named.named());
            if (refusedRisks.contains(key)) {
                continue;
            }
            Risk risk = risks.named(key, named.named());
            if (risk == null) {
                report.problem(named.file(), named.line(), named.column(), "imports.error.unknownRisk",
                        named.named());
            } else {
                links.add(new Link(risk.id, named.id()));
            }
        }
        for (Named named : controlsNamed) {
            String key = controlKeyOfReference.getOrDefault(named.named(), named.named());
            if (refusedControls.contains(key)) {
                continue;
            }
            Control control = controls.named(key, named.named());
            if (control == null) {
                report.problem(named.file(), named.line(), named.column(), "imports.error.unknownControl",
                        named.named());
            } else {
                links.add(new Link(named.id(), control.id));
            }
        }
        if (!report.failed() && (!governedRisks.isEmpty() || !governedControls.isEmpty() || !links.isEmpty())) {
            LinkCounts counts = risks.links(links, governedRisks, governedControls);
            report.count(ImportPart.LINKS, ImportReport.CREATED, counts.created());
            report.count(ImportPart.LINKS, ImportReport.REMOVED, counts.removed());
            report.count(ImportPart.LINKS, ImportReport.SKIPPED, counts.unchanged());
        }
    }

    /** The bank's key of each control of the file, by the file's reference. */
    Map<String, String> controlKeys() {
        return controlKeyOfReference;
    }

    /** The bank's key of each risk of the file, by the file's reference. */
    Map<String, String> riskKeys() {
        return riskKeyOfReference;
    }

    private interface Pass {

        void read(Table table);
    }

    private void read(String file, Supplier<Table> source, Pass pass) {
        try (Table table = source.get()) {
            pass.read(table);
        } catch (Table.Unreadable e) {
            report.problem(file, 1, null, e.key);
        }
    }

    private void controls(Table table) {
        if (!RowChecks.header(report, CONTROLS, table, CONTROL_COLUMNS, CONTROL_COMPUTED, CONTROL_REQUIRED)) {
            return;
        }
        boolean linking = table.header().contains("risks");
        for (Table.Row row : table) {
            report.rowsRead++;
            tick();
            String key = RowChecks.key(report, CONTROLS, row, Control.EXTERNAL_REFERENCE_MAX, controlLineOfKey);
            if (key == null) {
                continue;
            }
            String reference = row.get("reference");
            if (reference != null) {
                controlKeyOfReference.put(reference.strip(), key);
            }
            ControlForm form = new ControlForm();
            form.title = row.get("title");
            form.description = row.get("description");
            form.type = Labels.code(ControlType.class, row.get("control_type"));
            form.nature = Labels.code(ControlNature.class, row.get("nature"));
            form.frequency = Labels.code(ControlFrequency.class, row.get("frequency"));
            form.owner = row.get("owner");
            form.designEffectiveness = Labels.code(Effectiveness.class, row.get("design_effectiveness"));
            form.operatingEffectiveness = Labels.code(Effectiveness.class, row.get("operating_effectiveness"));
            form.keyControl = Labels.bool(row.get("key_control"));
            FieldErrors errors = new FieldErrors();
            Outcome outcome = controls.control(key, form, errors);
            if (outcome == null) {
                refusedControls.add(key);
                RowChecks.report(report, CONTROLS, row.line(), errors, CONTROL_COLUMNS);
                continue;
            }
            report.counted(CONTROLS, outcome);
            long id = controls.find(key).id;
            if (linking) {
                governedControls.add(id);
                for (String named : RowChecks.list(row.get("risks"))) {
                    risksNamed.add(new Named(CONTROLS, row.line(), "risks", id, named));
                }
            }
        }
    }

    private void risks(Table table) {
        if (!RowChecks.header(report, RISKS, table, RISK_COLUMNS, RISK_COMPUTED, RISK_REQUIRED)) {
            return;
        }
        boolean linking = table.header().contains("controls");
        for (Table.Row row : table) {
            report.rowsRead++;
            tick();
            String key = RowChecks.key(report, RISKS, row, Risk.EXTERNAL_REFERENCE_MAX, riskLineOfKey);
            if (key == null) {
                continue;
            }
            String reference = row.get("reference");
            if (reference != null) {
                riskKeyOfReference.put(reference.strip(), key);
            }
            RiskForm form = new RiskForm();
            form.title = row.get("title");
            form.description = row.get("description");
            form.status = Labels.code(RiskStatus.class, row.get("status"));
            form.eventCategory = Labels.code(EventCategory.class, row.get("event_category"));
            form.businessLine = Labels.code(BusinessLine.class, row.get("business_line"));
            form.orgUnit = row.get("org_unit");
            form.owner = row.get("owner");
            form.assessor = row.get("assessor");
            form.inherentLikelihood = row.get("inherent_likelihood");
            form.inherentImpact = row.get("inherent_impact");
            form.residualLikelihood = row.get("residual_likelihood");
            form.residualImpact = row.get("residual_impact");
            form.residualComment = row.get("residual_comment");
            form.appetite = row.get("appetite");
            FieldErrors errors = new FieldErrors();
            Outcome outcome = risks.risk(key, form, errors);
            if (outcome == null) {
                refusedRisks.add(key);
                RowChecks.report(report, RISKS, row.line(), errors, RISK_COLUMNS);
                continue;
            }
            report.counted(RISKS, outcome);
            long id = risks.find(key).id;
            if (linking) {
                governedRisks.add(id);
                for (String named : RowChecks.list(row.get("controls"))) {
                    controlsNamed.add(new Named(RISKS, row.line(), "controls", id, named));
                }
            }
        }
    }

    private void tick() {
        if (++written % BATCH == 0) {
            Control.flush();
            Control.getEntityManager().clear();
            progress.accept(report.rowsRead);
        }
    }
}
