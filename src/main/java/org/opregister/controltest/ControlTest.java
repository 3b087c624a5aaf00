package org.opregister.controltest;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.control.Control;
import org.opregister.core.NotAudited;
import org.opregister.core.ReviewRecord;
import org.opregister.core.TrackedEntity;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Where;

/** A test of a control: its plan (procedure, sample, period, tester), its execution, and the reviewer's sign-off. */
@Entity
@Table(name = "control_test")
public class ControlTest extends TrackedEntity implements AuditSubject {

    public static final int TEXT_MAX = 4000;
    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "control_test_seq")
    @SequenceGenerator(name = "control_test_seq", sequenceName = "control_test_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    public String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "control_id", nullable = false, updatable = false)
    public Control control;

    @Column(name = "procedure_text", nullable = false, length = TEXT_MAX)
    public String procedure;

    @Column(name = "sample_size", nullable = false)
    public int sampleSize;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    /** Username of the user who performs the test. */
    @Column(nullable = false, length = 64)
    public String tester;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public TestStatus status = TestStatus.PLANNED;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    public TestResult result;

    @Column(length = TEXT_MAX)
    public String findings;

    @Column(name = "executed_on")
    public LocalDate executedOn;

    /** Submission by the tester and the reviewer's sign-off or return. */
    @Embedded
    public ReviewRecord review = new ReviewRecord();

    /**
     * Everyone who recorded the execution or changed the evidence, whoever was tester at the time: none of them may
     * sign the test off. The changes themselves are in the audit trail.
     */
    @NotAudited
    @ElementCollection
    @CollectionTable(name = "control_test_editor", joinColumns = @JoinColumn(name = "test_id"))
    @Column(name = "username", nullable = false, length = 64)
    public Set<String> editors = new HashSet<>();

    @Override
    public String auditLabel() {
        return reference;
    }

    @Override
    public String auditPath() {
        return "/control-tests/" + id;
    }

    /** Returned by the reviewer and not submitted again. */
    public boolean returned() {
        return status == TestStatus.PLANNED && review.reviewedBy != null;
    }

    /**
     * Four-eyes on sign-off: a submitted test is signed off or returned by someone other than the people behind it
     * (tester, submitter, editors). The service's guard, the review list and the page all ask this.
     */
    public boolean decidableBy(String user) {
        return status == TestStatus.SUBMITTED && !peopleBehind().contains(user);
    }

    /** Planned tests this user is to perform. */
    public static long countToExecuteBy(String user) {
        return count("tester = ?1 and status = ?2", user, TestStatus.PLANNED);
    }

    /** The submitted tests this user may decide ({@link #decidableBy}), oldest submission first. */
    public static List<ControlTest> awaitingDecisionBy(String user) {
        return list(AWAITING_DECISION + " order by review.submittedAt, id", TestStatus.SUBMITTED, user);
    }

    /** How many {@link #awaitingDecisionBy} lists, counted in the database. */
    public static long countAwaitingDecisionBy(String user) {
        return count(AWAITING_DECISION, TestStatus.SUBMITTED, user);
    }

    private static final String AWAITING_DECISION = "status = ?1 and tester <> ?2"
            + " and (review.submittedBy is null or review.submittedBy <> ?2) and ?2 not member of editors";

    /** Who had a hand in what a reviewer would approve: the tester, the submitter and every editor. */
    public List<String> peopleBehind() {
        List<String> people = new java.util.ArrayList<>(editors);
        people.add(tester);
        if (review.submittedBy != null) {
            people.add(review.submittedBy);
        }
        return people;
    }

    public List<EvidenceFile> evidence() {
        return EvidenceFile.of(this);
    }

    public static List<ControlTest> of(Control control) {
        return list("control = ?1 order by periodEnd desc, id desc", control);
    }

    /** The control's signed-off test with the latest execution: it sets the control's operating effectiveness. */
    static ControlTest latestSignedOff(Control control) {
        return find("control = ?1 and status = ?2 order by executedOn desc, review.reviewedAt desc, id desc", control,
                TestStatus.SIGNED_OFF).firstResult();
    }

    /** One page of the tests matching the filter, latest period first. */
    public static PageResult<ControlTest> search(ControlTestFilter filter, PageRequest page) {
        Where where = filter.where();
        return PageResult.of(find(where.clause() + " order by periodEnd desc, id desc", where.parameters()), page);
    }

    /** Every test matching the filter, oldest period first (the export). */
    public static Stream<ControlTest> streamAll(ControlTestFilter filter) {
        Where where = filter.where();
        return stream(where.clause() + " order by periodEnd, id", where.parameters());
    }
}
