package org.opregister.controltest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.attachment.StoredFiles;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.ReferenceCounter;
import org.opregister.core.Review;
import org.opregister.core.RowLocks;
import org.opregister.core.RuleViolationException;
import org.opregister.security.CurrentUser;

/**
 * Control tests: planned by anyone who records data, executed and given evidence by the tester while planned (the
 * evidence is frozen once submitted), signed off or returned by a manager who had no hand in the execution or the
 * evidence. Sign-off needs evidence unless configured otherwise. The latest signed-off result is the control's
 * operating effectiveness.
 */
@ApplicationScoped
public class ControlTestService {

    @Inject
    CurrentUser currentUser;

    @Inject
    OpriskConfig config;

    /**
     * The test, locked for a change to its execution or evidence: an upload or removal and a submission take turns,
     * so none reads a status or an evidence count the other is changing.
     */
    private static ControlTest locked(long id) {
        RowLocks.forUpdate("control_test", "id", id);
        return Records.require(ControlTest.class, id);
    }

    @Inject
    StoredFiles files;

    @Transactional
    public ControlTest plan(ControlTestForm.PlanCommand command) {
        Edits.failIfAny(command.errors());
        ControlTest test = new ControlTest();
        command.plan().applyTo(test);
        test.reference = ReferenceCounter.next("CT", AppClock.today().getYear());
        test.persist();
        return test;
    }

    @Transactional
    public ControlTest updatePlan(long id, ControlTestForm.PlanCommand command) {
        return Edits.guarded(() -> {
            ControlTest test = Records.require(ControlTest.class, id);
            Edits.requireVersion(command.version(), test.version);
            requirePlanned(test);
            Edits.failIfAny(command.errors());
            command.plan().applyTo(test);
            return test;
        });
    }

    /** The tester records what the test found; with {@code submit}, hands it to a reviewer. */
    @Transactional
    public ControlTest execute(long id, ControlTestForm.ExecutionCommand command, boolean submit) {
        return Edits.guarded(() -> {
            ControlTest test = locked(id);
            Edits.requireVersion(command.version(), test.version);
            requirePlanned(test);
            requireTester(test, "error.notYourTest");
            Edits.failIfAny(command.errors());
            command.execution().applyTo(test);
            test.editors.add(currentUser.username());
            if (submit) {
                requireEvidence(test, "error.submitNeedsEvidence");
                test.status = TestStatus.SUBMITTED;
                test.review.submit(currentUser.username(), AppClock.now());
            }
            return test;
        });
    }

    /** Signs a submitted test off; the control's operating effectiveness follows its latest signed-off test. */
    @Transactional
    public ControlTest signOff(long id, Review review) {
        return Edits.guarded(() -> {
            ControlTest test = reviewed(id, review);
            requireEvidence(test, "error.signOffNeedsEvidence");
            test.status = TestStatus.SIGNED_OFF;
            ControlTest.getEntityManager().flush();
            ControlTest latest = ControlTest.latestSignedOff(test.control);
            test.control.operatingEffectiveness = latest.result.effectiveness;
            return test;
        });
    }

    @Transactional
    public ControlTest returnTest(long id, Review review) {
        return Edits.guarded(() -> {
            ControlTest test = reviewed(id, review);
            test.status = TestStatus.PLANNED;
            return test;
        });
    }

    private ControlTest reviewed(long id, Review review) {
        ControlTest test = Records.require(ControlTest.class, id);
        Edits.requireVersion(review.version(), test.version);
        if (test.status != TestStatus.SUBMITTED) {
            throw new RuleViolationException("error.testNotSubmitted");
        }
        if (!test.decidableBy(currentUser.username())) {
            throw new RuleViolationException("error.testFourEyes");
        }
        test.review.decide(currentUser.username(), AppClock.now(), review.comment());
        return test;
    }

    /**
     * Stores an evidence file of the tester's, while the test is planned, after checking its size and, by content, its
     * type.
     */
    @Transactional
    public EvidenceFile addEvidence(long id, String fileName, byte[] data) {
        ControlTest test = locked(id);
        requireEvidenceOpen(test);
        EvidenceFile file = new EvidenceFile();
        file.test = test;
        files.store(file, fileName, data);
        test.editors.add(currentUser.username());
        return file;
    }

    @Transactional
    public void removeEvidence(long id, long fileId, long expected) {
        ControlTest test = locked(id);
        requireEvidenceOpen(test);
        files.remove(file(test, fileId), expected);
        test.editors.add(currentUser.username());
    }

    public static EvidenceFile file(ControlTest test, long fileId) {
        EvidenceFile file = Records.require(EvidenceFile.<EvidenceFile>findByIdOptional(fileId)
                .filter(f -> f.test.id.equals(test.id)).orElse(null), EvidenceFile.class, fileId);
        return file;
    }

    private static void requirePlanned(ControlTest test) {
        if (test.status != TestStatus.PLANNED) {
            throw new RuleViolationException("error.testNotPlanned");
        }
    }

    private void requireTester(ControlTest test, String messageKey) {
        if (!currentUser.username().equals(test.tester)) {
            throw new RuleViolationException(messageKey);
        }
    }

    /**
     * Evidence is the tester's, and changes only while the test is planned (or returned): a reviewer sees it frozen.
     */
    private void requireEvidenceOpen(ControlTest test) {
        if (test.status == TestStatus.SIGNED_OFF) {
            throw new RuleViolationException("error.testSignedOff");
        }
        if (test.status != TestStatus.PLANNED) {
            throw new RuleViolationException("error.evidenceFrozen");
        }
        requireTester(test, "error.notYourEvidence");
    }

    /** Whether a test must have evidence to be submitted and signed off (on unless configured off). */
    public boolean evidenceRequired() {
        return config.evidence().requiredForSignOff();
    }

    private void requireEvidence(ControlTest test, String messageKey) {
        if (evidenceRequired() && EvidenceFile.count("test", test) == 0) {
            throw new RuleViolationException(messageKey);
        }
    }
}
