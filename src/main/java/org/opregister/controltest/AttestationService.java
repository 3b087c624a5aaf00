package org.opregister.controltest;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.RuleViolationException;
import org.opregister.risk.Control;
import org.opregister.security.CurrentUser;
import org.opregister.security.Staff;

/** Self-certification: a manager launches a round over controls, their attesters answer, a manager closes it. */
@ApplicationScoped
public class AttestationService {

    @Inject
    CurrentUser currentUser;

    /** The round's form as typed. */
    /** Launches a round with one attestation per chosen control, assigned to the control's attester. */
    @Transactional
    public AttestationCampaign launch(LaunchForm form) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        String title = input.text("title", form.title, true, 200);
        LocalDate start = input.date("periodStart", form.periodStart, true);
        LocalDate end = input.date("periodEnd", form.periodEnd, true);
        LocalDate due = input.date("dueDate", form.dueDate, true);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("periodEnd", "error.periodEndBeforeStart");
        }
        if (due != null && due.isBefore(AppClock.today())) {
            errors.add("dueDate", "error.dueDateInPast");
        }
        Set<Control> controls = new LinkedHashSet<>();
        for (String value : form.controls) {
            Long id = FormInput.id(value);
            Control control = id == null ? null : Control.findById(id);
            if (control == null) {
                errors.add("controls", "error.chooseControl");
                break;
            }
            controls.add(control);
        }
        if (form.controls.isEmpty()) {
            errors.add("controls", "error.chooseControls");
        }
        Edits.failIfAny(errors);
        AttestationCampaign campaign = new AttestationCampaign();
        campaign.reference = ReferenceCounter.next("ATT", end.getYear());
        campaign.title = title;
        campaign.periodStart = start;
        campaign.periodEnd = end;
        campaign.dueDate = due;
        campaign.persist();
        for (Control control : controls) {
            Attestation item = new Attestation();
            item.campaign = campaign;
            item.control = control;
            item.assignee = Staff.eligible(control.attester) ? control.attester : null;
            item.persist();
        }
        return campaign;
    }

    /** The attester certifies the control, or declares exceptions with a comment; answers can change while open. */
    @Transactional
    public Attestation answer(long campaignId, long itemId, String version, String response, String comment) {
        return Edits.guarded(() -> {
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            long expected = input.version("version", version);
            AttestationResponse answer = input.choice("response", response, AttestationResponse.class, true);
            String text = input.text("comment", comment, answer == AttestationResponse.EXCEPTIONS, 2000);
            Edits.failIfAny(errors);
            Attestation item = item(campaignId, itemId);
            Edits.requireVersion(expected, item.version);
            if (!item.campaign.open()) {
                throw new RuleViolationException("error.attestationClosed");
            }
            if (!currentUser.username().equals(item.assignee)) {
                throw new RuleViolationException("error.notYourAttestation");
            }
            item.response = answer;
            item.comment = text;
            item.answeredBy = currentUser.username();
            item.answeredAt = AppClock.now();
            return item;
        });
    }

    /** A manager gives an unanswered control to another attester. */
    @Transactional
    public Attestation assign(long campaignId, long itemId, String version, String assignee) {
        return Edits.guarded(() -> {
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            long expected = input.version("version", version);
            String username = Staff.check(input, "assignee", assignee, true);
            Edits.failIfAny(errors);
            Attestation item = item(campaignId, itemId);
            Edits.requireVersion(expected, item.version);
            if (!item.campaign.open() || item.response != null) {
                throw new RuleViolationException("error.attestationClosed");
            }
            item.assignee = username;
            return item;
        });
    }

    /** Closes the round: its answers are final and read-only; unanswered controls stay recorded as unanswered. */
    @Transactional
    public AttestationCampaign close(long campaignId, String version) {
        return Edits.guarded(() -> {
            FieldErrors errors = new FieldErrors();
            long expected = new FormInput(errors).version("version", version);
            Edits.failIfAny(errors);
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
