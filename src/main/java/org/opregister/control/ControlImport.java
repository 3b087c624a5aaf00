package org.opregister.control;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.control.ControlForm.ControlData;
import org.opregister.core.FieldErrors;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.IncidentImport.Outcome;

/**
 * The library's side of a bulk import (issue #18): each row of a controls file is the control form as it would be
 * typed ({@link ControlForm#parse}, with the stored control when there is one), keyed by the bank's own reference so
 * that the same file imported again changes nothing. As on the form, a control's effectiveness is set when it is
 * recorded; a row for a control already there must say the effectiveness it has (or leave it out), as it changes only
 * through an assessment, a signed-off test or a manager's override. Every method joins the importer's transaction.
 */
@ApplicationScoped
public class ControlImport {

    /** The control imported under that key, or null. */
    public Control find(String key) {
        return Control.findByExternalReference(key).orElse(null);
    }

    /** The control a file names: one imported under that key, else one of ours by its reference; null if none. */
    public Control named(String key, String named) {
        Control control = find(key);
        return control != null ? control : Control.find("reference", named).firstResult();
    }

    /**
     * Creates or updates the control of that key from the row, or leaves it when nothing differs; null with the
     * problems in {@code errors} (fields named as on the form), then nothing was changed. The attester is not in the
     * files: a control already there keeps its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome control(String key, ControlForm form, FieldErrors errors) {
        Control existing = find(key);
        if (existing != null && form.attester == null) {
            form.attester = existing.attester;
        }
        ControlData data = form.parse(errors, existing);
        if (errors.any()) {
            return null;
        }
        if (existing != null) {
            if (same(existing, data)) {
                return Outcome.SKIPPED;
            }
            data.applyTo(existing);
            return Outcome.UPDATED;
        }
        Control control = new Control();
        data.applyTo(control);
        control.externalReference = key;
        control.reference = ReferenceCounter.next("CTL");
        control.persist();
        return Outcome.CREATED;
    }

    private static boolean same(Control c, ControlData d) {
        return Objects.equals(c.title, d.title()) && Objects.equals(c.description, d.description())
                && c.type == d.type() && c.nature == d.nature() && c.frequency == d.frequency()
                && Objects.equals(c.owner, d.owner()) && Objects.equals(c.attester, d.attester())
                && c.designEffectiveness == d.designEffectiveness()
                && c.operatingEffectiveness == d.operatingEffectiveness() && c.keyControl == d.keyControl();
    }
}
