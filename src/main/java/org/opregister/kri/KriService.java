package org.opregister.kri;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.RuleViolationException;
import org.opregister.risk.Risk;

/** Changes to KRI definitions, their thresholds, values and risk links. */
@ApplicationScoped
public class KriService {

    @Inject
    KriComputation computation;

    /** Records a KRI; {@code typed} holds what {@link KriForm#parse} found wrong with the text. */
    @Transactional
    public Kri create(KriForm.Definition definition, FieldErrors typed) {
        Edits.failIfAny(typed);
        Kri kri = new Kri();
        definition.applyTo(kri);
        kri.reference = ReferenceCounter.next("KRI");
        kri.persist();
        LocalDate from = definition.valuesFrom() != null
                ? definition.valuesFrom()
                : kri.frequency.periodOf(AppClock.today().minusYears(10));
        saveThresholds(kri, from);
        computation.recompute(kri);
        return kri;
    }

    /**
     * Saves the definition. A change of direction or limits becomes a new threshold version from the period given
     * (values already rated keep their status); a computed KRI is computed again. {@code errors} holds what
     * {@link KriForm#parse} found wrong with the text; the checks against the stored KRI are added to it.
     */
    @Transactional
    public Kri update(long id, KriForm.Definition definition, FieldErrors errors) {
        return Edits.guarded(() -> {
            Kri kri = Records.require(Kri.class, id);
            Edits.requireVersion(definition.version(), kri.version);
            boolean typedWell = !errors.any();
            boolean hasValues = typedWell && KriValue.count("kri", kri) > 0;
            if (hasValues && definition.frequency() != kri.frequency) {
                errors.add("frequency", "error.frequencyHasValues");
            }
            if (hasValues && definition.source().computed() != kri.computed()) {
                errors.add("source", "error.sourceHasValues");
            }
            boolean newThresholds = typedWell && !definition.thresholds().sameAs(kri.thresholds());
            if (newThresholds && definition.thresholdsFrom() == null) {
                errors.add("thresholdsFrom", "error.required");
            }
            Edits.failIfAny(errors);
            definition.applyTo(kri);
            if (newThresholds) {
                saveThresholds(kri, definition.thresholdsFrom());
            }
            if (kri.computed()) {
                computation.recompute(kri);
            }
            return kri;
        });
    }

    private static void saveThresholds(Kri kri, LocalDate from) {
        KriThreshold version = KriThreshold.at(kri, from);
        if (version == null) {
            version = new KriThreshold();
            version.kri = kri;
            version.effectiveFrom = from;
        }
        version.direction = kri.direction;
        version.greenLimit = kri.greenLimit;
        version.redLimit = kri.redLimit;
        version.persist();
    }

    /**
     * Records a value; {@code errors} holds what {@link ValueForm#parse} found wrong with the text, reported after
     * the KRI's own refusals and together with a period that already has a value.
     */
    @Transactional
    public KriValue record(long kriId, ValueForm.Reading reading, FieldErrors errors) {
        Kri kri = manual(kriId);
        if (!errors.any() && KriValue.at(kri, reading.periodStart()) != null) {
            errors.add("period", "error.periodHasValue", kri.periodLabel(reading.periodStart()));
        }
        Edits.failIfAny(errors);
        KriValue value = store(kri, reading);
        Breaches.update(kri);
        return value;
    }

    /**
     * Corrects a value (its period stays); {@code typed} holds what {@link ValueForm#parse} found wrong with the
     * text, reported after the KRI's own refusals and the version check.
     */
    @Transactional
    public KriValue correct(long kriId, long valueId, ValueForm.Reading reading, FieldErrors typed) {
        return Edits.guarded(() -> {
            Kri kri = manual(kriId);
            KriValue value = KriValue.of(kri, valueId);
            Edits.requireVersion(reading.version(), value.version);
            Edits.failIfAny(typed);
            value.rate(reading.value(), KriThreshold.inForce(kri, value.periodStart));
            value.comment = reading.comment();
            Breaches.update(kri);
            return value;
        });
    }

    /** Stores every row of the file, or none when any row is bad. */
    @Transactional
    public int upload(long kriId, InputStream file) {
        Kri kri = manual(kriId);
        FieldErrors errors = new FieldErrors();
        List<ValueForm.Reading> rows = ValueUpload.read(file, kri, AppClock.today(), errors);
        Edits.failIfAny(errors);
        rows.forEach(row -> store(kri, row));
        Breaches.update(kri);
        return rows.size();
    }

    private static KriValue store(Kri kri, ValueForm.Reading reading) {
        KriValue value = new KriValue();
        value.kri = kri;
        value.periodStart = reading.periodStart();
        value.comment = reading.comment();
        value.rate(reading.value(), KriThreshold.inForce(kri, reading.periodStart()));
        value.persist();
        return value;
    }

    /** A KRI whose values people enter: computed ones take theirs from the register. */
    /** A typed-in KRI, locked for a change to its values (see {@link Kri#lockValues}). */
    private static Kri manual(long kriId) {
        Kri kri = Records.require(Kri.class, kriId);
        if (kri.computed()) {
            throw new RuleViolationException("error.kriComputed");
        }
        kri.lockValues();
        return kri;
    }

    @Transactional
    public void linkRisk(long kriId, long riskId, boolean linked) {
        Kri kri = Records.require(Kri.class, kriId);
        Risk risk = Records.require(Risk.class, riskId);
        KriRisk existing = KriRisk.find(kri, risk);
        if (linked && existing == null) {
            KriRisk link = new KriRisk();
            link.kri = kri;
            link.risk = risk;
            link.persist();
        } else if (!linked) {
            Records.require(existing, KriRisk.class, riskId).delete();
        }
    }

    static BigDecimal scaled(BigDecimal value) {
        return value.setScale(KriForm.SCALE, java.math.RoundingMode.HALF_UP);
    }
}
