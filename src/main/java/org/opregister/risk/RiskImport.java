package org.opregister.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opregister.control.Control;
import org.opregister.core.FieldErrors;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.IncidentImport.Outcome;
import org.opregister.risk.RiskForm.RiskData;

/**
 * The register's side of a bulk import of risks and of their links to controls (issue #18): each row of a risks file
 * is the risk form as it would be typed ({@link RiskForm#parse}, with the stored risk when there is one), keyed by the
 * bank's own reference so that the same file imported again changes nothing. As on the form, the ratings are set when
 * a risk is recorded; a row for a risk already there must say the ratings it has (or leave them out), as they change
 * only through an approved assessment or a manager's override; scores and bands are computed, never read. Every method
 * joins the importer's transaction.
 */
@ApplicationScoped
public class RiskImport {

    /** What the links of an import did: made, removed, and named but there already. */
    public record LinkCounts(int created, int removed, int unchanged) {
    }

    /** A link between a risk and a control, by their ids. */
    public record Link(long riskId, long controlId) {
    }

    /** The risk imported under that key, or null. */
    public Risk find(String key) {
        return Risk.findByExternalReference(key).orElse(null);
    }

    /** The risk a file names: one imported under that key, else one of ours by its reference; null if none. */
    public Risk named(String key, String named) {
        Risk risk = find(key);
        return risk != null ? risk : Risk.find("reference", named).firstResult();
    }

    /**
     * Creates or updates the risk of that key from the row, or leaves it when nothing differs; null with the problems
     * in {@code errors} (fields named as on the form), then nothing was changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome risk(String key, RiskForm form, FieldErrors errors) {
        Risk existing = find(key);
        RiskData data = form.parse(errors, existing);
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
        Risk risk = new Risk();
        data.applyTo(risk);
        risk.externalReference = key;
        risk.reference = ReferenceCounter.next("RSK");
        risk.persist();
        return Outcome.CREATED;
    }

    /**
     * Sets the links the files name. The files are the truth for the records they name: a risk whose row carries a
     * {@code controls} column ({@code risks}) and a control whose row carries a {@code risks} column ({@code controls})
     * keep exactly the links named by either file; a link neither names is removed (each link is a record of its own,
     * so what is made and what is removed is in the audit trail). Links of records the files do not name stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LinkCounts links(Set<Link> named, Set<Long> risks, Set<Long> controls) {
        int removed = 0;
        Set<Long> gone = new HashSet<>();
        List<RiskControl> held = new ArrayList<>();
        for (Long id : risks) {
            held.addAll(RiskControl.list("risk.id", id));
        }
        for (Long id : controls) {
            held.addAll(RiskControl.list("control.id", id));
        }
        for (RiskControl link : held) {
            if (!named.contains(new Link(link.risk.id, link.control.id)) && gone.add(link.id)) {
                link.delete();
                removed++;
            }
        }
        int created = 0;
        int unchanged = 0;
        for (Link link : named) {
            Risk risk = Risk.findById(link.riskId());
            Control control = Control.findById(link.controlId());
            if (RiskControl.find(risk, control) != null) {
                unchanged++;
            } else {
                RiskControl made = new RiskControl();
                made.risk = risk;
                made.control = control;
                made.persist();
                created++;
            }
        }
        return new LinkCounts(created, removed, unchanged);
    }

    private static boolean same(Risk r, RiskData d) {
        return Objects.equals(r.title, d.title()) && Objects.equals(r.description, d.description())
                && r.eventCategory == d.eventCategory() && r.businessLine == d.businessLine()
                && Objects.equals(r.orgUnit, d.orgUnit()) && Objects.equals(r.owner, d.owner())
                && Objects.equals(r.assessor, d.assessor()) && Objects.equals(r.appetite, d.appetite())
                && r.status == d.status();
    }
}
