package org.opregister.ict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** The create and edit form of a contractual arrangement, on its provider's page. */
public class IctContractForm {

    /** Below any number {@code FormInput.decimal} accepts (at most 20 integer digits). */
    private static final BigDecimal NO_LOWER_BOUND = new BigDecimal("-1E21");

    @RestForm
    public String version;
    @RestForm
    public String reference;
    @RestForm
    public String startDate;
    @RestForm
    public String endDate;
    @RestForm
    public String serviceType;
    @RestForm
    public String annualCost;
    @RestForm
    public String currency;
    @RestForm
    public String substitutability;
    @RestForm
    public String exitPlan;
    @RestForm
    public String exitPlanTestedOn;
    @RestForm
    public List<String> services = new ArrayList<>();
    @RestForm
    public String notes;

    /** What was typed, checked; {@code version} null on creation. */
    public record Data(Long version, String reference, LocalDate startDate, LocalDate endDate,
            IctServiceType serviceType, BigDecimal annualCost, String currency, Substitutability substitutability,
            boolean exitPlan, LocalDate exitPlanTestedOn, Set<Long> services, String notes) {
    }

    static IctContractForm blank() {
        return new IctContractForm();
    }

    static IctContractForm of(IctContract contract) {
        IctContractForm form = new IctContractForm();
        form.version = Long.toString(contract.version);
        form.reference = contract.reference;
        form.startDate = contract.startDate.toString();
        form.endDate = contract.endDate == null ? null : contract.endDate.toString();
        form.serviceType = contract.serviceType.name();
        form.annualCost = contract.annualCost == null ? null : contract.annualCost.toPlainString();
        form.currency = contract.currency;
        form.substitutability = contract.substitutability.name();
        form.exitPlan = contract.exitPlan ? "true" : null;
        form.exitPlanTestedOn = contract.exitPlanTestedOn == null ? null : contract.exitPlanTestedOn.toString();
        contract.services.forEach(s -> form.services.add(Long.toString(s.id)));
        form.notes = contract.notes;
        return form;
    }

    public boolean exitPlanChecked() {
        return IctProviderForm.checked(exitPlan);
    }

    public boolean hasService(Long id) {
        return id != null && services != null && services.contains(Long.toString(id));
    }

    public Data parse(boolean creating, FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Long loaded = creating ? null : input.version("version", version);
        String typedReference = input.text("reference", reference, true, IctContract.REFERENCE_MAX);
        LocalDate start = input.date("startDate", startDate, true);
        LocalDate end = input.date("endDate", endDate, false);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("endDate", "error.ictContractEndBeforeStart");
            end = null;
        }
        // any number is read first, so a negative one gets "Enter 0 or more." rather than a bound of -0.01
        BigDecimal cost = input.decimal("annualCost", annualCost, false, 2, NO_LOWER_BOUND,
                new BigDecimal("999999999999999.99"));
        if (cost != null && cost.signum() < 0) {
            errors.add("annualCost", "error.ictAnnualCost");
            cost = null;
        }
        String typedCurrency = null;
        if (!FormInput.blank(currency) || cost != null) {
            typedCurrency = input.currency("currency", currency);
        }
        boolean plan = exitPlanChecked();
        LocalDate tested = input.date("exitPlanTestedOn", exitPlanTestedOn, false);
        if (tested != null && !plan) {
            errors.add("exitPlanTestedOn", "error.ictExitPlanTestedWithoutPlan");
            tested = null;
        }
        Set<Long> chosen = new LinkedHashSet<>();
        for (String service : services == null ? List.<String>of() : services) {
            if (FormInput.blank(service)) {
                continue;
            }
            Long id = FormInput.id(service);
            if (id == null) {
                errors.add("services", "error.choice");
            } else {
                chosen.add(id);
            }
        }
        return new Data(loaded, typedReference, start, end,
                input.choice("serviceType", serviceType, IctServiceType.class, true), cost, typedCurrency,
                input.choice("substitutability", substitutability, Substitutability.class, true), plan, tested,
                chosen, input.text("notes", notes, false, IctProvider.NOTES_MAX));
    }
}
