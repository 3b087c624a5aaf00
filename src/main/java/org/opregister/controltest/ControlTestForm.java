package org.opregister.controltest;

import java.time.LocalDate;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.security.Staff;

/** A control test plan as typed, and its execution. */
public class ControlTestForm {

    @RestForm
    public String control;
    @RestForm
    public String procedure;
    @RestForm
    public String sampleSize;
    @RestForm
    public String periodStart;
    @RestForm
    public String periodEnd;
    @RestForm
    public String tester;
    @RestForm
    public String result;
    @RestForm
    public String findings;
    @RestForm
    public String executedOn;
    @RestForm
    public String version;

    public static ControlTestForm blank(String control, String tester, LocalDate today) {
        ControlTestForm form = new ControlTestForm();
        form.control = control;
        form.tester = tester;
        form.sampleSize = "25";
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1).minusMonths(3);
        form.periodStart = quarter.toString();
        form.periodEnd = quarter.plusMonths(3).minusDays(1).toString();
        return form;
    }

    public static ControlTestForm of(ControlTest test) {
        ControlTestForm form = new ControlTestForm();
        form.control = Long.toString(test.control.id);
        form.procedure = test.procedure;
        form.sampleSize = Integer.toString(test.sampleSize);
        form.periodStart = test.periodStart.toString();
        form.periodEnd = test.periodEnd.toString();
        form.tester = test.tester;
        form.result = test.result == null ? null : test.result.name();
        form.findings = test.findings;
        form.executedOn = test.executedOn == null ? null : test.executedOn.toString();
        form.version = Long.toString(test.version);
        return form;
    }

    /** The plan as checked values (null when a field failed), the version seen and the problems found. */
    public record PlanCommand(Plan plan, Long version, FieldErrors errors) {
    }

    /** The planned test's fields; the control only when new (a test keeps its control). */
    public record Plan(Control control, String procedure, int sampleSize, LocalDate periodStart,
            LocalDate periodEnd, String tester) {

        void applyTo(ControlTest test) {
            if (control != null) {
                test.control = control;
            }
            test.procedure = procedure;
            test.sampleSize = sampleSize;
            test.periodStart = periodStart;
            test.periodEnd = periodEnd;
            test.tester = tester;
        }
    }

    /** The execution as checked values (null when a field failed), the version seen and the problems found. */
    public record ExecutionCommand(Execution execution, Long version, FieldErrors errors) {
    }

    /** What the tester found. */
    public record Execution(TestResult result, String findings, LocalDate executedOn) {

        void applyTo(ControlTest test) {
            test.result = result;
            test.findings = findings;
            test.executedOn = executedOn;
        }
    }

    /** Checks the plan; the service reports the problems once it has checked the stored test. */
    PlanCommand parsePlan(FieldErrors errors, boolean creating) {
        FormInput input = new FormInput(errors);
        Control target = null;
        if (creating) {
            Long id = FormInput.id(control);
            target = id == null ? null : Control.findById(id);
            if (target == null) {
                errors.add("control", "error.chooseControl");
            }
        }
        String text = input.text("procedure", procedure, true, ControlTest.TEXT_MAX);
        Integer sample = input.whole("sampleSize", sampleSize, true, 1, 100000);
        LocalDate start = input.date("periodStart", periodStart, true);
        LocalDate end = input.date("periodEnd", periodEnd, true);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("periodEnd", "error.periodEndBeforeStart");
        }
        String who = Staff.check(input, "tester", tester, true);
        Plan plan = errors.any() ? null : new Plan(target, text, sample, start, end, who);
        return new PlanCommand(plan, FormInput.id(version), errors);
    }

    /**
     * Checks the execution; for a submission the result and date are required, findings when not effective.
     */
    ExecutionCommand parseExecution(FieldErrors errors, boolean submitting) {
        FormInput input = new FormInput(errors);
        TestResult parsedResult = input.choice("result", result, TestResult.class, submitting);
        String text = input.text("findings", findings, false, ControlTest.TEXT_MAX);
        LocalDate day = input.date("executedOn", executedOn, submitting);
        if (day != null && day.isAfter(AppClock.today())) {
            errors.add("executedOn", "error.dateInFuture");
        }
        if (submitting && parsedResult != null && parsedResult.failed() && text == null) {
            errors.add("findings", "error.findingsRequired");
        }
        Execution execution = errors.any() ? null : new Execution(parsedResult, text, day);
        return new ExecutionCommand(execution, FormInput.id(version), errors);
    }
}
