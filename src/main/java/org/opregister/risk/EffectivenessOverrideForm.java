package org.opregister.risk;

import jakarta.ws.rs.core.MultivaluedMap;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** A manager's override of a control's design and operating effectiveness (form and API body), with the reason. */
public class EffectivenessOverrideForm {

    public String designEffectiveness;
    public String operatingEffectiveness;
    public String reason;
    public String version;

    public static EffectivenessOverrideForm from(MultivaluedMap<String, String> posted) {
        EffectivenessOverrideForm form = new EffectivenessOverrideForm();
        form.designEffectiveness = posted.getFirst("designEffectiveness");
        form.operatingEffectiveness = posted.getFirst("operatingEffectiveness");
        form.reason = posted.getFirst("reason");
        form.version = posted.getFirst("version");
        return form;
    }

    public static EffectivenessOverrideForm of(Control control) {
        EffectivenessOverrideForm form = new EffectivenessOverrideForm();
        form.designEffectiveness = control.designEffectiveness.name();
        form.operatingEffectiveness = control.operatingEffectiveness.name();
        form.version = Long.toString(control.version);
        return form;
    }

    /** The effectiveness and reason as checked, or null after adding each problem to the errors. */
    Checked read(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Effectiveness design = input.choice("designEffectiveness", designEffectiveness, Effectiveness.class, true);
        Effectiveness operating = input.choice("operatingEffectiveness", operatingEffectiveness, Effectiveness.class, true);
        String why = input.text("reason", reason, true, Risk.COMMENT_MAX);
        return errors.any() ? null : new Checked(design, operating, why);
    }

    record Checked(Effectiveness design, Effectiveness operating, String reason) {
    }
}
