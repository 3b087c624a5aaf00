package org.opregister.action;

import java.time.LocalDate;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.security.Staff;

/** The action plan form (and API body) as typed; a new plan names its first source. */
public class ActionForm {

    public String title;
    public String description;
    public String owner;
    public String priority;
    public String dueDate;
    public String sourceType;
    public String source;
    public String version;

    public static ActionForm blank(String owner, LocalDate today) {
        ActionForm form = new ActionForm();
        form.owner = owner;
        form.priority = Priority.MEDIUM.name();
        form.dueDate = today.plusMonths(3).toString();
        return form;
    }

    public static ActionForm of(ActionPlan action) {
        ActionForm form = new ActionForm();
        form.title = action.title;
        form.description = action.description;
        form.owner = action.owner;
        form.priority = action.priority.name();
        form.dueDate = action.dueDate.toString();
        form.version = Long.toString(action.version);
        return form;
    }

    record Plan(String title, String description, String owner, Priority priority, LocalDate dueDate) {

        void applyTo(ActionPlan action) {
            action.title = title;
            action.description = description;
            action.owner = owner;
            action.priority = priority;
        }
    }

    /**
     * The form as typed values: the plan (null when a field failed), the first source (a new plan only; the
     * source is looked up by the service), the version seen, and the problems found so far, which the service reports
     * together with its own once it has checked the stored plan.
     */
    public record ActionCommand(Plan plan, SourceType sourceType, String source, Long version, FieldErrors errors) {
    }

    /** Checks every field; the due date and the source only when new (an edit keeps them). */
    ActionCommand parse(FieldErrors errors, boolean creating) {
        LocalDate today = AppClock.today();
        FormInput input = new FormInput(errors);
        String parsedTitle = input.text("title", title, true, ActionPlan.TITLE_MAX);
        String parsedDescription = input.text("description", description, false, ActionPlan.TEXT_MAX);
        String parsedOwner = Staff.check(input, "owner", owner, true);
        Priority parsedPriority = input.choice("priority", priority, Priority.class, true);
        LocalDate due = creating ? input.date("dueDate", dueDate, true) : null;
        if (due != null && due.isBefore(today)) {
            errors.add("dueDate", "error.dueDateInPast");
        }
        Plan plan = errors.any() ? null : new Plan(parsedTitle, parsedDescription, parsedOwner, parsedPriority, due);
        SourceType type = creating ? input.choice("sourceType", sourceType, SourceType.class, true) : null;
        return new ActionCommand(plan, type, source, FormInput.id(version), errors);
    }
}
