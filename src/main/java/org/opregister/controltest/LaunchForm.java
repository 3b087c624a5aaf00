package org.opregister.controltest;

import java.time.LocalDate;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

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

    public boolean chosen(Long controlId) {
        return controls != null && controls.contains(Long.toString(controlId));
    }
}
