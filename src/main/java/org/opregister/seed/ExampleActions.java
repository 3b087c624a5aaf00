package org.opregister.seed;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.action.ActionPlan;
import org.opregister.action.ActionSource;
import org.opregister.action.ActionStatus;
import org.opregister.action.ActionUpdate;
import org.opregister.action.Priority;
import org.opregister.action.SourceType;
import org.opregister.control.Control;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.Incident;
import org.opregister.kri.Kri;
import org.opregister.kri.KriBreach;
import org.opregister.risk.Risk;
import org.opregister.security.User;

/**
 * The example case's six action plans (AP1–AP6 of seed-case.md) as they stood on 31 March 2025: four done after a
 * manager's review, two in progress. Owners are demo users; the accountable function of the fictional bank is in
 * each description. Demo users without an e-mail address get one at example.test, for the reminders.
 */
@ApplicationScoped
public class ExampleActions {

    static final String NAME = "example-case-actions-v1";

    private record Example(String title, String accountable, String owner, LocalDate due, boolean done, int progress,
            String risk, String control, String kri, boolean incident) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("Adopt vendor content-update rings", "Head of Endpoint Engineering", "officer",
                    LocalDate.of(2024, 11, 30), true, 100, "Vendor update causes mass outage",
                    "Staged content rings (5% pilot; N-1 for critical hosts)",
                    "Critical servers on a staged content ring", true),
            new Example("Independent key escrow, tested quarterly", "CISO", "officer2", LocalDate.of(2024, 12, 31),
                    true, 100,
                    "Cannot recover endpoints at scale", "Independent BitLocker key escrow",
                    "Encrypted devices with key in independent escrow", false),
            new Example("Recovery runbook, USB/PXE media, surge staff", "Head of IT Operations", "officer",
                    LocalDate.of(2025, 1, 31), true, 100, "Cannot recover endpoints at scale",
                    "Mass-recovery runbook and boot media", "Minutes to recover a crashed endpoint", false),
            new Example("Duplicate detection in manual payments", "Head of Payments Operations", "officer2",
                    LocalDate.of(2024, 9, 30), true, 100, "Manual-fallback processing errors",
                    "Four-eyes and duplicate check on manual payments", null, true),
            new Example("Renegotiate EDR contract; update DORA register", "Head of Vendor Management", "officer",
                    LocalDate.of(2025, 6, 30), false, 60, "EDR/OS vendor concentration",
                    "Vendor change-notification and testing clauses",
                    "Critical services on one vendor with no fallback", false),
            new Example("Concentration and exit assessment", "CIO", "manager", LocalDate.of(2025, 12, 31), false, 30,
                    "EDR/OS vendor concentration", null, "Critical services on one vendor with no fallback", false));

    public void record() {
        for (String username : List.of("officer", "officer2", "manager", "manager2", "auditor", "admin")) {
            User.findByUsername(username).filter(u -> u.email == null)
                    .ifPresent(u -> u.email = username + "@example.test");
        }
        Incident outage = Incident.findByReference(ExampleCase.REFERENCE);
        for (Example example : EXAMPLES) {
            ActionPlan action = new ActionPlan();
            action.reference = ReferenceCounter.next("ACT", 2024);
            action.title = example.title();
            action.description = "Remediation after INC-2024-0719-01. Accountable: " + example.accountable()
                    + ". Fictional example (Example Mercantile Bank SE); status as at 31 March 2025.";
            action.owner = example.owner();
            action.priority = example.done() ? Priority.HIGH : Priority.CRITICAL;
            action.dueDate = example.due();
            action.originalDueDate = example.due();
            action.progress = example.progress();
            if (example.done()) {
                action.status = ActionStatus.DONE;
                action.closureNote = "Implemented and evidenced; see the change records of the fictional bank.";
                action.review.submit(example.owner(), example.due().minusDays(5).atTime(10, 0)
                        .toInstant(java.time.ZoneOffset.UTC));
                action.review.decide(example.owner().equals("officer") ? "manager" : "manager2",
                        example.due().minusDays(2).atTime(15, 0).toInstant(java.time.ZoneOffset.UTC), null);
                action.completedOn = example.due().minusDays(2);
            } else {
                action.status = ActionStatus.IN_PROGRESS;
            }
            action.persist();
            if (example.incident() && outage != null) {
                source(action, SourceType.INCIDENT, outage.id);
            }
            Risk risk = Risk.find("title = ?1 and orgUnit = ?2", example.risk(), ExampleRisks.ORG_UNIT).firstResult();
            if (risk != null) {
                source(action, SourceType.RISK, risk.id);
            }
            if (example.control() != null) {
                Control control = Control.find("title", example.control()).firstResult();
                if (control != null) {
                    source(action, SourceType.CONTROL, control.id);
                }
            }
            if (example.kri() != null) {
                Kri kri = Kri.find("name", example.kri()).firstResult();
                List<KriBreach> breaches = kri == null ? List.of() : KriBreach.of(kri);
                if (!breaches.isEmpty()) {
                    source(action, SourceType.KRI_BREACH, breaches.get(0).id);
                }
            }
            update(action, example.done() ? example.due().minusDays(20) : LocalDate.of(2025, 3, 28), example.progress(),
                    example.done()
                            ? "Work complete; evidence attached to the closure request."
                            : "Progress as at the end of March 2025.");
        }
    }

    private static void source(ActionPlan action, SourceType type, long id) {
        ActionSource source = new ActionSource();
        source.action = action;
        source.type = type;
        source.sourceId = id;
        source.persist();
    }

    private static void update(ActionPlan action, LocalDate date, int progress, String note) {
        ActionUpdate update = new ActionUpdate();
        update.action = action;
        update.date = date;
        update.progress = progress;
        update.note = note;
        update.persist();
    }

}
