package org.opregister.rcsa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.risk.HeatMap;
import org.opregister.risk.Risk;
import org.opregister.web.PostedForm;

/** The form a manager fills to open an assessment campaign, as typed. */
public class CampaignForm {

    public String title;
    public String instructions;
    public String periodStart;
    public String periodEnd;
    public String dueDate;
    public List<String> units = List.of();
    public List<String> risks = List.of();

    public static CampaignForm from(MultivaluedMap<String, String> posted) {
        CampaignForm form = PostedForm.bind(posted, CampaignForm.class);
        form.units = values(form.units);
        form.risks = values(form.risks);
        return form;
    }

    /** A campaign for the current half-year, due in a month. */
    public static CampaignForm blank(LocalDate today) {
        CampaignForm form = new CampaignForm();
        boolean firstHalf = today.getMonthValue() <= 6;
        LocalDate start = LocalDate.of(today.getYear(), firstHalf ? 1 : 7, 1);
        form.periodStart = start.toString();
        form.periodEnd = start.plusMonths(6).minusDays(1).toString();
        form.dueDate = today.plusMonths(1).toString();
        return form;
    }

    public boolean unitChosen(String unit) {
        return units.contains(unit);
    }

    public boolean riskChosen(Long riskId) {
        return risks.contains(Long.toString(riskId));
    }

    /** What the form asks for, checked, or null with the problems added to the input's errors. */
    record Scope(String title, String instructions, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
            Set<String> units, Set<Long> riskIds) {
    }

    /** The scope as checked values (null when a field failed) and the problems found, for the service to report. */
    record Opening(Scope scope, FieldErrors errors) {
    }

    /** Checks every field against today and the known organisational units. */
    Opening parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        LocalDate today = AppClock.today();
        List<String> knownUnits = HeatMap.orgUnits();
        String parsedTitle = input.text("title", title, true, Risk.TITLE_MAX);
        String parsedInstructions = input.text("instructions", instructions, false, Risk.TEXT_MAX);
        LocalDate start = input.date("periodStart", periodStart, true);
        LocalDate end = input.date("periodEnd", periodEnd, true);
        LocalDate due = input.date("dueDate", dueDate, true);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("periodEnd", "error.periodEndBeforeStart");
        }
        if (due != null && due.isBefore(today)) {
            errors.add("dueDate", "error.dueDateInPast");
        }
        Set<String> chosenUnits = new LinkedHashSet<>();
        for (String unit : units) {
            if (!knownUnits.contains(unit)) {
                errors.add("units", "error.noSuchUnit");
                break;
            }
            chosenUnits.add(unit);
        }
        Set<Long> chosenRisks = new LinkedHashSet<>();
        for (String risk : risks) {
            Long id = FormInput.id(risk);
            if (id == null) {
                errors.add("risks", "error.noSuchRisk");
                break;
            }
            chosenRisks.add(id);
        }
        if (units.isEmpty() && risks.isEmpty()) {
            errors.add("units", "error.campaignScopeEmpty");
        }
        if (String.join(AssessmentCampaign.SCOPE_SEPARATOR, chosenUnits).length() > AssessmentCampaign.SCOPE_MAX) {
            errors.add("units", "error.tooManyChosen");
        }
        return new Opening(errors.any()
                ? null
                : new Scope(parsedTitle, parsedInstructions, start, end, due, chosenUnits, chosenRisks), errors);
    }

    private static List<String> values(List<String> posted) {
        List<String> values = new ArrayList<>();
        if (posted != null) {
            posted.stream().map(FormInput::trimmed).filter(v -> v != null && !values.contains(v)).forEach(values::add);
        }
        return values;
    }
}
