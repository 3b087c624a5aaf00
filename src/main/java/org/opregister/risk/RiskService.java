package org.opregister.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.control.Control;
import org.opregister.control.ManagerOverride;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Links;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.Incident;
import org.opregister.risk.RatingsOverrideForm.RatingsOverride;
import org.opregister.risk.RiskForm.RiskData;
import org.opregister.security.CurrentUser;

/**
 * Changes to the risk register and the links of risks to controls and incidents (the control library's own changes
 * are control.ControlService's). Current ratings are set when a risk is recorded; afterwards only an approved
 * assessment or a manager's override with a reason changes them, never an edit.
 */
@ApplicationScoped
public class RiskService {

    @Inject
    CurrentUser currentUser;

    @Inject
    ManagerOverride managerOverride;

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

    /** A manager sets the risk's current ratings outside an assessment; who, when and why stay on the risk. */
    @Transactional
    public Risk overrideRatings(long id, RatingsOverride override, FieldErrors typed) {
        return managerOverride.apply(Risk.class, id, override.version(), typed, risk -> {
            override.ratings().applyTo(risk);
            risk.ratingsOverriddenBy = currentUser.username();
            risk.ratingsOverriddenAt = AppClock.now();
            risk.ratingsOverrideReason = override.reason();
        });
    }

    /** Links a control to a risk, or removes the link; linking what is already linked changes nothing. */
    @Transactional
    public void linkRiskControl(long riskId, long controlId, boolean linked) {
        Risk risk = Records.require(Risk.class, riskId);
        Control control = Records.require(Control.class, controlId);
        Links.toggle(RiskControl.find(risk, control), linked, () -> {
            RiskControl link = new RiskControl();
            link.risk = risk;
            link.control = control;
            return link;
        });
    }

    /** Links or unlinks an incident and a risk; a closed incident's links stay as they are. */
    @Transactional
    public void linkIncidentRisk(long incidentId, long riskId, boolean linked) {
        Incident incident = Incident.requireEditable(incidentId);
        Risk risk = Records.require(Risk.class, riskId);
        Links.toggle(IncidentRisk.find(incident, risk), linked, () -> {
            IncidentRisk link = new IncidentRisk();
            link.incident = incident;
            link.risk = risk;
            return link;
        });
    }
}
