package org.opregister.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.control.ControlForm.ControlData;
import org.opregister.control.EffectivenessOverrideForm.EffectivenessOverride;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Links;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.Incident;
import org.opregister.security.CurrentUser;

/**
 * Changes to the control library and to the controls linked to incidents. Effectiveness is set when a control is
 * recorded; afterwards only an approved assessment, a signed-off test or a manager's override with a reason changes
 * it, never an edit. Links between risks and controls belong to the risk register (risk.RiskService).
 */
@ApplicationScoped
public class ControlService {

    @Inject
    CurrentUser currentUser;

    @Inject
    ManagerOverride managerOverride;

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

    /** A manager sets the control's effectiveness outside an assessment or a test; who, when and why stay on it. */
    @Transactional
    public Control overrideEffectiveness(long id, EffectivenessOverride override, FieldErrors typed) {
        return managerOverride.apply(Control.class, id, override.version(), typed, control -> {
            control.designEffectiveness = override.design();
            control.operatingEffectiveness = override.operating();
            control.effectivenessOverriddenBy = currentUser.username();
            control.effectivenessOverriddenAt = AppClock.now();
            control.effectivenessOverrideReason = override.reason();
        });
    }

    /** Links or unlinks an incident and a control that failed in it; a closed incident's links stay as they are. */
    @Transactional
    public void linkIncidentControl(long incidentId, long controlId, boolean linked) {
        Incident incident = Incident.requireEditable(incidentId);
        Control control = Records.require(Control.class, controlId);
        Links.toggle(IncidentControl.find(incident, control), linked, () -> {
            IncidentControl link = new IncidentControl();
            link.incident = incident;
            link.control = control;
            return link;
        });
    }
}
