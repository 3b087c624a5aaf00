package org.opregister.rcsa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;
import org.opregister.risk.Risk;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** A round of risk and control self-assessment: a period, a scope of risks, one task per risk. */
@Entity
@Table(name = "assessment_campaign")
public class AssessmentCampaign extends TrackedEntity implements AuditSubject {

    public static final int SCOPE_MAX = 4000;
    /** Held while a campaign is opened: a risk may be pending in one open campaign only. */
    static final String OPENING_LOCK = "rcsa-campaign-opening";
    static final String SCOPE_SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_campaign_seq")
    @SequenceGenerator(name = "assessment_campaign_seq", sequenceName = "assessment_campaign_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    @Column(nullable = false, length = Risk.TITLE_MAX)
    public String title;

    @Column(length = Risk.TEXT_MAX)
    public String instructions;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** The organisational units chosen when the campaign was opened, one per line. */
    @Column(name = "scope_units", length = SCOPE_MAX)
    public String scopeUnits;

    /** The risks chosen one by one when the campaign was opened, by reference, one per line. */
    @Column(name = "scope_risks", length = SCOPE_MAX)
    public String scopeRisks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CampaignStatus status = CampaignStatus.OPEN;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by", length = 64)
    public String closedBy;

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public String auditTitle() {
        return title;
    }

    @Override
    public String auditPath() {
        return "/assessments/" + id;
    }

    public boolean open() {
        return status == CampaignStatus.OPEN;
    }

    /** Open past its due date. */
    public boolean overdue() {
        return open() && dueDate.isBefore(org.opregister.core.AppClock.today());
    }

    public List<String> units() {
        return lines(scopeUnits);
    }

    public List<String> chosenRisks() {
        return lines(scopeRisks);
    }

    public List<AssessmentTask> tasks() {
        return AssessmentTask.ofCampaign(this);
    }

    public AssessmentProgress progress() {
        return AssessmentProgress.of(this);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(SCOPE_SEPARATOR));
    }

    public static PageResult<AssessmentCampaign> page(PageRequest page) {
        return PageResult.of(find("order by periodEnd desc, id desc"), page);
    }

    public static AssessmentCampaign findByReference(String reference) {
        return find("reference", reference).firstResult();
    }
}
