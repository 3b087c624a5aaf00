package org.opregister.controltest;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** The form a manager fills to launch a round of self-certifications, as typed. */
public class LaunchForm {

    @RestForm
    public String title;

    @RestForm
    public String periodStart;

    @RestForm
    public String periodEnd;

    @RestForm
    public String dueDate;

    @RestForm
    public List<String> controls = List.of();

    /** A round over the current calendar year, due in three weeks. */
    static LaunchForm blank(LocalDate today) {
        LaunchForm form = new LaunchForm();
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        form.periodStart = start.toString();
        form.periodEnd = start.plusYears(1).minusDays(1).toString();
        form.dueDate = today.plusWeeks(3).toString();
        return form;
    }

    /** The round as checked values (null when a field failed) and the problems found. */
    public record Launch(String title, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
            Set<Control> controls, FieldErrors errors) {
    }

    /** Checks every field and looks the chosen controls up; the service reports the problems. */
    Launch parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        String parsedTitle = input.text("title", title, true, 200);
        LocalDate start = input.date("periodStart", periodStart, true);
        LocalDate end = input.date("periodEnd", periodEnd, true);
        LocalDate due = input.date("dueDate", dueDate, true);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("periodEnd", "error.periodEndBeforeStart");
        }
        if (due != null && due.isBefore(AppClock.today())) {
            errors.add("dueDate", "error.dueDateInPast");
        }
        Set<Control> chosenControls = new LinkedHashSet<>();
        for (String value : controls) {
            Long id = FormInput.id(value);
            Control control = id == null ? null : Control.findById(id);
            if (control == null) {
                errors.add("controls", "error.chooseControl");
                break;
            }
            chosenControls.add(control);
        }
        if (controls.isEmpty()) {
            errors.add("controls", "error.chooseControls");
        }
        return new Launch(parsedTitle, start, end, due, chosenControls, errors);
    }

    public boolean chosen(Long controlId) {
        return controls != null && controls.contains(Long.toString(controlId));
    }
}
