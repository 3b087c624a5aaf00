package org.opregister.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.opregister.action.ActionForm;
import org.opregister.action.ActionImport;
import org.opregister.action.ActionImport.History;
import org.opregister.action.ActionImport.NamedSource;
import org.opregister.action.ActionPlan;
import org.opregister.action.ActionStatus;
import org.opregister.action.Priority;
import org.opregister.action.SourceType;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.incident.IncidentImport.Outcome;

/**
 * Action plans from a file in the columns of {@code /actions/export.csv}, with their history (status, closure request
 * and review, completion day, due dates) and their sources ({@code TYPE:reference}, separated by {@code ;}). Each row
 * becomes the plan form it would be typed into and goes through {@link ActionImport}. A source may name a record of the
 * same upload by the file's reference (read as that record's key), one imported before by the bank's key, or one of
 * ours by its reference. Keys as for incidents. Runs inside the importer's transaction.
 */
final class ActionRows {

    static final String ACTIONS = ImportPart.ACTIONS;

    private static final int BATCH = 200;

    /** Action-plan columns read, by the form field (or import field) they fill. */
    static final Map<String, String> COLUMNS = RowChecks.columns("title", "title", "status", "status", "priority",
            "priority", "owner", "owner", "dueDate", "due_date", "originalDueDate", "original_due_date", "progress",
            "progress", "sources", "sources", "closureNote", "closure_note", "closureRequestedBy",
            "closure_requested_by", "closureRequestedAt", "closure_requested_at", "reviewedBy", "reviewed_by",
            "reviewedAt", "reviewed_at", "reviewComment", "review_comment", "completedOn", "completed_on",
            "description", "description", "reference", "reference", "externalReference", "external_reference");

    /** Columns of the export that are computed here, not read: what the date makes of the plan, stamps. */
    static final Set<String> COMPUTED = Set.of("overdue", "aging", "created_at", "created_by", "updated_at",
            "updated_by");

    static final List<String> REQUIRED = List.of("title", "priority", "owner", "due_date", "sources");

    private final ActionImport register;
    private final ImportReport report;
    private final IntConsumer progress;
    /** The keys of the records of the same upload, by the file's reference, for each kind a source may name. */
    private final Map<SourceType, Map<String, String>> keys;
    private final Map<String, Long> lineOfKey = new HashMap<>();
    private int written;

    ActionRows(ActionImport register, ImportReport report, IntConsumer progress, Map<String, String> incidents,
            Map<String, String> risks, Map<String, String> controls) {
        this.register = register;
        this.report = report;
        this.progress = progress;
        this.keys = Map.of(SourceType.INCIDENT, incidents, SourceType.RISK, risks, SourceType.CONTROL, controls);
    }

    void run(Supplier<Table> file) {
        try (Table table = file.get()) {
            rows(table);
        } catch (Table.Unreadable e) {
            report.problem(ACTIONS, 1, null, e.key);
        }
    }

    private void rows(Table table) {
        if (!RowChecks.header(report, ACTIONS, table, COLUMNS, COMPUTED, REQUIRED)) {
            return;
        }
        for (Table.Row row : table) {
            report.rowsRead++;
            tick();
            String key = RowChecks.key(report, ACTIONS, row, ActionPlan.EXTERNAL_REFERENCE_MAX, lineOfKey);
            if (key == null) {
                continue;
            }
            ActionForm form = new ActionForm();
            form.title = row.get("title");
            form.description = row.get("description");
            form.owner = row.get("owner");
            form.priority = Labels.code(Priority.class, row.get("priority"));
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            History history = new History(
                    input.choice("status", Labels.code(ActionStatus.class, row.get("status")), ActionStatus.class,
                            false),
                    input.whole("progress", row.get("progress"), false, 0, 100),
                    input.date("dueDate", row.get("due_date"), true),
                    input.date("originalDueDate", row.get("original_due_date"), false),
                    input.text("closureNote", row.get("closure_note"), false, ActionPlan.TEXT_MAX),
                    input.text("closureRequestedBy", row.get("closure_requested_by"), false, 64),
                    RowChecks.instant("closureRequestedAt", row.get("closure_requested_at"), errors),
                    input.text("reviewedBy", row.get("reviewed_by"), false, 64),
                    RowChecks.instant("reviewedAt", row.get("reviewed_at"), errors),
                    input.text("reviewComment", row.get("review_comment"), false, ActionPlan.COMMENT_MAX),
                    input.date("completedOn", row.get("completed_on"), false));
            List<NamedSource> sources = sources(row.get("sources"), errors);
            Outcome outcome = register.action(key, form, history, sources, errors);
            if (outcome == null) {
                RowChecks.report(report, ACTIONS, row.line(), errors, COLUMNS);
                continue;
            }
            report.counted(ACTIONS, outcome);
        }
    }

    /** The sources a cell lists: {@code TYPE:reference} each (a type's code or label), separated by {@code ;}. */
    private List<NamedSource> sources(String cell, FieldErrors errors) {
        List<NamedSource> sources = new ArrayList<>();
        for (String item : RowChecks.list(cell)) {
            int colon = item.indexOf(':');
            String type = colon < 0 ? null : Labels.code(SourceType.class, item.substring(0, colon).strip());
            String named = colon < 0 ? null : FormInput.trimmed(item.substring(colon + 1));
            SourceType sourceType = type == null ? null : choice(type);
            if (sourceType == null || named == null) {
                if (!errors.has("sources")) {
                    errors.add("sources", "imports.error.sourceFormat", item);
                }
                continue;
            }
            sources.add(new NamedSource(sourceType, keys.getOrDefault(sourceType, Map.of()).getOrDefault(named,
                    named), named));
        }
        return sources;
    }

    private static SourceType choice(String code) {
        try {
            return SourceType.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void tick() {
        if (++written % BATCH == 0) {
            ActionPlan.flush();
            ActionPlan.getEntityManager().clear();
            progress.accept(report.rowsRead);
        }
    }
}
