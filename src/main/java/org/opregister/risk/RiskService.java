package org.opregister.risk;

import java.util.function.Consumer;
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
import org.opregister.risk.ControlForm.ControlData;
import org.opregister.risk.EffectivenessOverrideForm.EffectivenessOverride;
import org.opregister.risk.RatingsOverrideForm.RatingsOverride;
import org.opregister.risk.RiskForm.RiskData;
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

    /** Records a risk; {@code typed} holds what {@link RiskForm#parse} found wrong with the text. */
    @Transactional
    public Risk createRisk(RiskData data, FieldErrors typed) {
        Edits.failIfAny(typed);
        Risk risk = new Risk();
        data.applyTo(risk);
        risk.reference = ReferenceCounter.next("RSK");
        risk.persist();
        return risk;
    }

    /** Saves an edit; {@code typed}: what {@link RiskForm#parse} found wrong, reported after the version check. */
    @Transactional
    public Risk updateRisk(long id, RiskData data, FieldErrors typed) {
        return Edits.guarded(() -> {
            Risk risk = Records.require(Risk.class, id);
            Edits.requireVersion(data.version(), risk.version);
            Edits.failIfAny(typed);
            data.applyTo(risk);
            return risk;
        });
    }

    /** Records a control; {@code typed} holds what {@link ControlForm#parse} found wrong with the text. */
    @Transactional
    public Control createControl(ControlData data, FieldErrors typed) {
        Edits.failIfAny(typed);
        Control control = new Control();
        data.applyTo(control);
        control.reference = ReferenceCounter.next("CTL");
        control.persist();
        return control;
    }

    /** Saves an edit; {@code typed}: what {@link ControlForm#parse} found wrong, reported after the version check. */
    @Transactional
    public Control updateControl(long id, ControlData data, FieldErrors typed) {
        return Edits.guarded(() -> {
            Control control = Records.require(Control.class, id);
            Edits.requireVersion(data.version(), control.version);
            Edits.failIfAny(typed);
            data.applyTo(control);
            return control;
        });
    }

    /** A manager sets the risk's current ratings outside an assessment; who, when and why stay on the risk. */
    @Transactional
    public Risk overrideRatings(long id, RatingsOverride override, FieldErrors typed) {
        return override(Risk.class, id, override.version(), typed, risk -> {
            override.ratings().applyTo(risk);
            risk.ratingsOverriddenBy = currentUser.username();
            risk.ratingsOverriddenAt = AppClock.now();
            risk.ratingsOverrideReason = override.reason();
        });
    }

    /** A manager sets the control's effectiveness outside an assessment or a test; who, when and why stay on it. */
    @Transactional
    public Control overrideEffectiveness(long id, EffectivenessOverride override, FieldErrors typed) {
        return override(Control.class, id, override.version(), typed, control -> {
            control.designEffectiveness = override.design();
            control.operatingEffectiveness = override.operating();
            control.effectivenessOverriddenBy = currentUser.username();
            control.effectivenessOverriddenAt = AppClock.now();
            control.effectivenessOverrideReason = override.reason();
        });
    }

    /**
     * A manager's override of what an assessment or a test otherwise sets: managers only, the typing errors
     * ({@code typed}, a bad version among them) reported, the version the record's, then the change applied.
     */
    private <T extends TrackedEntity> T override(Class<T> type, long id, long version, FieldErrors typed,
            Consumer<T> apply) {
        return Edits.guarded(() -> {
            requireManager();
            Edits.failIfAny(typed);
            T record = Records.require(type, id);
            Edits.requireVersion(version, record.version);
            apply.accept(record);
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
}
