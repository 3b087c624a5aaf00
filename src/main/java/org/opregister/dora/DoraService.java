package org.opregister.dora;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.core.EditConflictException;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.RowLocks;
import org.opregister.core.RuleViolationException;
import org.opregister.core.StampListener;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;

/**
 * Changes to an incident's DORA record. Saving the form classifies (Delegated Regulation 2024/1772, Art. 8): the
 * result goes on the record and a {@link DoraClassification} keeps it with its inputs, who and when. Writers of one
 * incident's record take turns on the incident's row, so two first saves make one record.
 */
@ApplicationScoped
public class DoraService {

    @Inject
    OpriskConfig config;

    public ZoneId zone() {
        return DoraDeadlines.zone(config);
    }

    @Transactional
    public DoraRecord save(long incidentId, DoraForm.Data data, FieldErrors errors) {
        return Edits.guarded(() -> {
            Incident incident = Records.require(Incident.class, incidentId);
            RowLocks.forUpdate("incident", "id", incidentId);
            DoraRecord record = DoraRecord.forIncident(incidentId);
            if (errors.has(FieldErrors.FORM)) {
                Edits.failIfAny(errors);
            }
            if (record != null) {
                Edits.requireVersion(data.version(), record.version);
            } else if (data.version() != null) {
                // The form of a record that does not exist: not a page this incident ever showed.
                throw new EditConflictException();
            }
            Set<BusinessService> services = new LinkedHashSet<>();
            for (Long id : data.services()) {
                BusinessService service = BusinessService.findById(id);
                if (service == null) {
                    errors.add("services", "error.choice");
                } else {
                    services.add(service);
                }
            }
            Edits.failIfAny(errors);
            boolean creating = record == null;
            if (creating) {
                record = new DoraRecord();
                record.incident = incident;
            }
            apply(record, data, services);
            if (creating) {
                record.persist();
            }
            classify(record);
            return record;
        });
    }

    /**
     * Classifies the record as it stands and keeps the classification, by the signed-in user, now; a record not
     * ICT-related is not classified.
     */
    public void classify(DoraRecord record) {
        classify(record, StampListener.now(), StampListener.currentUser());
    }

    /** The same, made by {@code who} at {@code at} (the worked example records its classification of 07:10 UTC). */
    public void classify(DoraRecord record, Instant at, String who) {
        if (!record.ictRelated) {
            record.major = null;
            return;
        }
        DoraClassifier.Result result = DoraClassifier.classify(record.inputs(at));
        record.major = result.major();
        if (result.major() && record.classifiedAt == null) {
            record.classifiedAt = at;
        }
        record.classifications++;
        DoraClassification kept = new DoraClassification();
        kept.record = record;
        kept.number = record.classifications;
        kept.major = result.major();
        kept.thresholdsMet = result.articlesMet();
        kept.inputs = DoraInputsText.of(record, zone());
        kept.classifiedAt = at;
        kept.classifiedBy = who;
        kept.persist();
    }

    private static void apply(DoraRecord r, DoraForm.Data d, Set<BusinessService> services) {
        r.ictRelated = d.ictRelated();
        r.occurredAt = d.occurredAt();
        r.detectedAt = d.detectedAt();
        r.awareAt = d.awareAt();
        r.classifiedAt = d.classifiedAt();
        r.recoveredAt = d.recoveredAt();
        r.resolvedAt = d.resolvedAt();
        r.services.clear();
        r.services.addAll(services);
        r.supervisedServices = d.supervisedServices();
        r.criticalEvidence = d.criticalEvidence();
        r.clientsAffected = d.clientsAffected();
        r.clientsShare = d.clientsShare();
        r.counterpartsShare = d.counterpartsShare();
        r.transactionsShare = d.transactionsShare();
        r.transactionsValueShare = d.transactionsValueShare();
        r.relevantAffected = d.relevantAffected();
        r.clientsEvidence = d.clientsEvidence();
        r.mediaCoverage = d.mediaCoverage();
        r.complaints = d.complaints();
        r.lostClients = d.lostClients();
        r.regulatoryAttention = d.regulatoryAttention();
        r.reputationEvidence = d.reputationEvidence();
        r.durationEvidence = d.durationEvidence();
        r.memberStates = d.memberStates();
        r.geographyEvidence = d.geographyEvidence();
        r.dataAvailability = d.dataAvailability();
        r.dataAuthenticity = d.dataAuthenticity();
        r.dataIntegrity = d.dataIntegrity();
        r.dataConfidentiality = d.dataConfidentiality();
        r.dataAdverse = d.dataAdverse();
        r.dataEvidence = d.dataEvidence();
        r.otherCosts = d.otherCosts();
        r.costsEvidence = d.costsEvidence();
        r.maliciousAccess = d.maliciousAccess();
        r.maliciousEvidence = d.maliciousEvidence();
    }

    /**
     * Records a report as submitted. A stage needs the one before it submitted (initial before intermediate before
     * final); submitting a stage again records an updated report. Only for incidents classified major.
     */
    @Transactional
    public DoraReport submit(long incidentId, ReportForm.Data data, FieldErrors errors) {
        Records.require(Incident.class, incidentId);
        RowLocks.forUpdate("incident", "id", incidentId);
        DoraRecord record = Records.require(DoraRecord.forIncident(incidentId), DoraRecord.class, incidentId);
        if (!record.ictRelated || !Boolean.TRUE.equals(record.major)) {
            throw new RuleViolationException("error.doraNotMajor");
        }
        if (data.stage() != null && data.stage() != ReportStage.INITIAL) {
            ReportStage before = ReportStage.values()[data.stage().ordinal() - 1];
            if (DoraReport.count("record = ?1 and stage = ?2", record, before) == 0) {
                errors.add("stage", "dora.error.stageOrder");
            }
        }
        Edits.failIfAny(errors);
        DoraReport report = new DoraReport();
        report.record = record;
        report.stage = data.stage();
        report.submittedAt = data.submittedAt();
        report.submittedBy = StampListener.currentUser();
        report.authorityReference = data.authorityReference();
        report.note = data.note();
        report.persist();
        return report;
    }
}
