package org.opregister.controltest;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.RuleViolationException;
import org.opregister.security.CurrentUser;
import org.opregister.security.Reassignment;
import org.opregister.security.Staff;

/** Self-certification: a manager launches a round over controls, their attesters answer, a manager closes it. */
@ApplicationScoped
public class AttestationService {

    @Inject
    CurrentUser currentUser;

    /** Launches a round with one attestation per chosen control, assigned to the control's attester. */
    @Transactional
    public AttestationCampaign launch(LaunchForm.Launch launch) {
        Edits.failIfAny(launch.errors());
        LocalDate end = launch.periodEnd();
        AttestationCampaign campaign = new AttestationCampaign();
        campaign.reference = ReferenceCounter.next("ATT", end.getYear());
        campaign.title = launch.title();
        campaign.periodStart = launch.periodStart();
        campaign.periodEnd = end;
        campaign.dueDate = launch.dueDate();
        campaign.persist();
        for (Control control : launch.controls()) {
            Attestation item = new Attestation();
            item.campaign = campaign;
            item.control = control;
            item.assignee = Staff.eligible(control.attester) ? control.attester : null;
            item.persist();
        }
        return campaign;
    }

    /** An attester's answer as posted: the version seen, certified or exceptions, the comment. */
    public record Answer(long version, AttestationResponse response, String comment) {

        /** The answer as typed; the comment is required with exceptions. Bad input fails the request. */
        public static Answer read(String version, String response, String comment) {
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            long expected = input.version("version", version);
            AttestationResponse answer = input.choice("response", response, AttestationResponse.class, true);
            String text = input.text("comment", comment, answer == AttestationResponse.EXCEPTIONS, 2000);
            Edits.failIfAny(errors);
            return new Answer(expected, answer, text);
        }
    }

    /** The attester certifies the control, or declares exceptions with a comment; answers can change while open. */
    @Transactional
    public Attestation answer(long campaignId, long itemId, Answer answer) {
        return Edits.guarded(() -> {
            Attestation item = item(campaignId, itemId);
            Edits.requireVersion(answer.version(), item.version);
            if (!item.campaign.open()) {
                throw new RuleViolationException("error.attestationClosed");
            }
            if (!currentUser.username().equals(item.assignee)) {
                throw new RuleViolationException("error.notYourAttestation");
            }
            item.response = answer.response();
            item.comment = answer.comment();
            item.answeredBy = currentUser.username();
            item.answeredAt = AppClock.now();
            return item;
        });
    }

    /** A manager gives an unanswered control to another attester. */
    @Transactional
    public Attestation assign(long campaignId, long itemId, Reassignment assignment) {
        return Edits.guarded(() -> {
            Attestation item = item(campaignId, itemId);
            Edits.requireVersion(assignment.version(), item.version);
            if (!item.campaign.open() || item.response != null) {
                throw new RuleViolationException("error.attestationClosed");
            }
            item.assignee = assignment.assignee();
            return item;
        });
    }

    /** Closes the round: its answers are final and read-only; unanswered controls stay recorded as unanswered. */
    @Transactional
    public AttestationCampaign close(long campaignId, long expected) {
        return Edits.guarded(() -> {
            AttestationCampaign campaign = Records.require(AttestationCampaign.class, campaignId);
            Edits.requireVersion(expected, campaign.version);
            if (!campaign.open()) {
                throw new RuleViolationException("error.attestationClosed");
            }
            campaign.status = RoundStatus.CLOSED;
            campaign.closedBy = currentUser.username();
            campaign.closedAt = AppClock.now();
            return campaign;
        });
    }

    static Attestation item(long campaignId, long itemId) {
        Attestation item = Records.require(Attestation.<Attestation>findByIdOptional(itemId)
                .filter(a -> a.campaign.id.equals(campaignId)).orElse(null), Attestation.class, itemId);
        return item;
    }

}
