package org.opregister.risk;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.RuleViolationException;
import org.opregister.core.TrackedEntity;
import org.opregister.incident.Incident;
import org.opregister.security.CurrentUser;

/**
 * Changes to the risk register, the control library and the links between them. Current ratings and effectiveness
 * are set when a risk or control is recorded; afterwards only an approved assessment, a signed-off test or a
 * manager's override with a reason changes them, never an edit.
 */
@ApplicationScoped
public class RiskService {

    @Inject
    CurrentUser currentUser;

    @Transactional
    public Risk createRisk(RiskForm form) {
        Risk risk = new Risk();
        apply(errors -> form.applyTo(risk, errors, true));
        risk.reference = ReferenceCounter.next("RSK");
        risk.persist();
        return risk;
    }

    @Transactional
    public Risk updateRisk(long id, RiskForm form) {
        return Edits.guarded(() -> {
            Risk risk = Records.require(Risk.class, id);
            requireVersion(form.version, risk.version);
            apply(errors -> form.applyTo(risk, errors, false));
            return risk;
        });
    }

    @Transactional
    public Control createControl(ControlForm form) {
        Control control = new Control();
        apply(errors -> form.applyTo(control, errors, true));
        control.reference = ReferenceCounter.next("CTL");
        control.persist();
        return control;
    }

    @Transactional
    public Control updateControl(long id, ControlForm form) {
        return Edits.guarded(() -> {
            Control control = Records.require(Control.class, id);
            requireVersion(form.version, control.version);
            apply(errors -> form.applyTo(control, errors, false));
            return control;
        });
    }

    /** A manager sets the risk's current ratings outside an assessment; who, when and why stay on the risk. */
    @Transactional
    public Risk overrideRatings(long id, RatingsOverrideForm form) {
        return override(Risk.class, id, form.version, form::parse, (risk, override) -> {
            override.ratings().applyTo(risk);
            risk.ratingsOverriddenBy = currentUser.username();
            risk.ratingsOverriddenAt = AppClock.now();
            risk.ratingsOverrideReason = override.reason();
        });
    }

    /** A manager sets the control's effectiveness outside an assessment or a test; who, when and why stay on it. */
    @Transactional
    public Control overrideEffectiveness(long id, EffectivenessOverrideForm form) {
        return override(Control.class, id, form.version, form::parse, (control, override) -> {
            control.designEffectiveness = override.design();
            control.operatingEffectiveness = override.operating();
            control.effectivenessOverriddenBy = currentUser.username();
            control.effectivenessOverriddenAt = AppClock.now();
            control.effectivenessOverrideReason = override.reason();
        });
    }

    /**
     * A manager's override of what an assessment or a test otherwise sets: managers only, the form checked and its
     * version the record's, then the change applied.
     */
    private <T extends TrackedEntity, C> T override(Class<T> type, long id, String version,
            Function<FieldErrors, C> parse, BiConsumer<T, C> apply) {
        return Edits.guarded(() -> {
            requireManager();
            FieldErrors errors = new FieldErrors();
            long expected = new FormInput(errors).version("version", version);
            C command = parse.apply(errors);
            Edits.failIfAny(errors);
            T record = Records.require(type, id);
            Edits.requireVersion(expected, record.version);
            apply.accept(record, command);
            return record;
        });
    }

    private void requireManager() {
        if (!currentUser.isManager()) {
            throw new RuleViolationException("error.overrideManagersOnly");
        }
    }

    /** Links a control to a risk, or removes the link; linking what is already linked changes nothing. */
    @Transactional
    public void linkRiskControl(long riskId, long controlId, boolean linked) {
        Risk risk = Records.require(Risk.class, riskId);
        Control control = Records.require(Control.class, controlId);
        toggle(RiskControl.find(risk, control), linked, () -> {
            RiskControl link = new RiskControl();
            link.risk = risk;
            link.control = control;
            return link;
        });
    }

    /** Links or unlinks an incident and a risk; a closed incident's links stay as they are. */
    @Transactional
    public void linkIncidentRisk(long incidentId, long riskId, boolean linked) {
        Incident incident = openIncident(incidentId);
        Risk risk = Records.require(Risk.class, riskId);
        toggle(IncidentRisk.find(incident, risk), linked, () -> {
            IncidentRisk link = new IncidentRisk();
            link.incident = incident;
            link.risk = risk;
            return link;
        });
    }

    /** Links or unlinks an incident and a control that failed in it. */
    @Transactional
    public void linkIncidentControl(long incidentId, long controlId, boolean linked) {
        Incident incident = openIncident(incidentId);
        Control control = Records.require(Control.class, controlId);
        toggle(IncidentControl.find(incident, control), linked, () -> {
            IncidentControl link = new IncidentControl();
            link.incident = incident;
            link.control = control;
            return link;
        });
    }

    /** Makes a link exist (create it if missing) or not (remove it; 404 if there is none). */
    private static void toggle(PanacheEntityBase existing, boolean linked, Supplier<PanacheEntityBase> create) {
        if (linked && existing == null) {
            create.get().persist();
        } else if (!linked) {
            Records.require(existing, PanacheEntityBase.class, "link").delete();
        }
    }

    /** The incident by id or reference, refused when closed (a closed incident is read-only). */
    public static Incident incident(String idOrReference) {
        String text = FormInput.key(idOrReference);
        Long id = FormInput.id(text);
        Incident incident = text == null ? null : id != null ? Incident.findById(id) : Incident.findByReference(text);
        if (incident == null) {
            throw new InvalidInputException(new FieldErrors().add("incident", "error.noSuchIncident"));
        }
        return incident;
    }

    private static Incident openIncident(long id) {
        Incident incident = Records.require(Incident.class, id);
        incident.requireEditable();
        return incident;
    }

    private static void apply(java.util.function.Consumer<FieldErrors> check) {
        FieldErrors errors = new FieldErrors();
        check.accept(errors);
        Edits.failIfAny(errors);
    }

    private static void requireVersion(String given, long current) {
        Edits.requireVersion(FormInput.id(given), current);
    }
}
