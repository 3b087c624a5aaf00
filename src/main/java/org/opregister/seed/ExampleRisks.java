package org.opregister.seed;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.control.Control;
import org.opregister.control.ControlFrequency;
import org.opregister.control.ControlNature;
import org.opregister.control.ControlType;
import org.opregister.control.Effectiveness;
import org.opregister.control.IncidentControl;
import org.opregister.core.ReferenceCounter;
import org.opregister.incident.Incident;
import org.opregister.risk.IncidentRisk;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskControl;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/**
 * The example case's five risks (R1–R5) and six controls (C1–C6) from seed-case.md, with the controls' ratings
 * during the outage, linked to each other and to the outage incident (all five risks materialised; C1–C5 failed,
 * C6 worked). The bank is fictional and so are these records.
 */
@ApplicationScoped
public class ExampleRisks {

    static final String NAME = "example-case-risks-controls-v1";
    static final String ORG_UNIT = "Example Mercantile Bank SE (fictional)";
    private static final String FICTIONAL = " Fictional example (Example Mercantile Bank SE), from the 19 July 2024 outage.";

    public void record() {
        Risk r1 = risk("Vendor update causes mass outage",
                "A third-party security vendor pushes defective content for its kernel-mode sensor"
                        + " fleet-wide and Windows hosts crash (R1).",
                EventCategory.BUSINESS_DISRUPTION,
                BusinessLine.CORPORATE_ITEMS, "Head of Endpoint Engineering", 3, 5, 2, 5);
        Risk r2 = risk("EDR/OS vendor concentration",
                "Critical services depend on a single endpoint security vendor with no"
                        + " fallback (R2).",
                EventCategory.BUSINESS_DISRUPTION, BusinessLine.CORPORATE_ITEMS,
                "Head of Vendor Management", 4, 4, 3, 4);
        Risk r3 = risk("Cannot recover endpoints at scale",
                "Hosts that do not recover by themselves after repeated reboots need hands-on repair"
                        + " and BitLocker keys, thousands at once (R3).",
                EventCategory.BUSINESS_DISRUPTION, BusinessLine.CORPORATE_ITEMS, "Head of IT Operations",
                4, 4, 2, 4);
        Risk r4 = risk("Manual-fallback processing errors",
                "Payments processed by hand during an outage are duplicated or"
                        + " lost (R4).",
                EventCategory.EXECUTION_DELIVERY_PROCESS, BusinessLine.PAYMENT_AND_SETTLEMENT,
                "Head of Payments Operations", 3, 4, 2, 3);
        Risk r5 = risk("Late or wrong incident reporting",
                "A major ICT incident is classified or reported to the supervisor"
                        + " late or wrongly (R5).",
                EventCategory.EXECUTION_DELIVERY_PROCESS, BusinessLine.CORPORATE_ITEMS,
                "Head of Operational Risk", 3, 3, 1, 3);

        Control c1 = control("Staged content rings (5% pilot; N-1 for critical hosts)", ControlType.PREVENTIVE,
                ControlNature.AUTOMATED, ControlFrequency.CONTINUOUS, "Head of Endpoint Engineering",
                Effectiveness.NOT_IN_PLACE, Effectiveness.NOT_IN_PLACE, true);
        Control c2 = control("Vendor change-notification and testing clauses", ControlType.PREVENTIVE,
                ControlNature.MANUAL,
                ControlFrequency.EVENT_DRIVEN, "Head of Vendor Management", Effectiveness.INEFFECTIVE,
                Effectiveness.INEFFECTIVE, true);
        Control c3 = control("Independent BitLocker key escrow", ControlType.CORRECTIVE, ControlNature.AUTOMATED,
                ControlFrequency.CONTINUOUS, "CISO", Effectiveness.INEFFECTIVE, Effectiveness.INEFFECTIVE, true);
        Control c4 = control("Mass-recovery runbook and boot media", ControlType.CORRECTIVE, ControlNature.MANUAL,
                ControlFrequency.EVENT_DRIVEN, "Head of IT Operations", Effectiveness.PARTIALLY_EFFECTIVE,
                Effectiveness.PARTIALLY_EFFECTIVE, true);
        Control c5 = control("Four-eyes and duplicate check on manual payments", ControlType.PREVENTIVE,
                ControlNature.MANUAL,
                ControlFrequency.DAILY, "Head of Payments Operations", Effectiveness.EFFECTIVE,
                Effectiveness.INEFFECTIVE, true);
        Control c6 = control("Major-incident classification and reporting", ControlType.DETECTIVE, ControlNature.MANUAL,
                ControlFrequency.EVENT_DRIVEN, "Head of Operational Risk", Effectiveness.EFFECTIVE,
                Effectiveness.EFFECTIVE, false);

        link(r1, c1);
        link(r1, c2);
        link(r2, c2);
        link(r3, c3);
        link(r3, c4);
        link(r4, c5);
        link(r5, c6);

        Incident outage = Incident.findByReference(ExampleCase.REFERENCE);
        if (outage != null) {
            // Part of the outage's story: the officer links what materialised and failed before submitting it.
            ExampleCase.step("2024-08-07T10:20:00Z", "officer", null,
                    () -> linkToOutage(outage, new Risk[]{r1, r2, r3, r4, r5}, new Control[]{c1, c2, c3, c4, c5}));
        }
    }

    private static void linkToOutage(Incident outage, Risk[] risks, Control[] failed) {
        for (Risk risk : risks) {
            IncidentRisk link = new IncidentRisk();
            link.incident = outage;
            link.risk = risk;
            link.persist();
        }
        for (Control control : failed) {
            IncidentControl link = new IncidentControl();
            link.incident = outage;
            link.control = control;
            link.persist();
        }
    }

    private static Risk risk(String title, String description, EventCategory category, BusinessLine line, String owner,
            int inherentLikelihood, int inherentImpact, int residualLikelihood, int residualImpact) {
        Risk risk = new Risk();
        risk.reference = ReferenceCounter.next("RSK");
        risk.title = title;
        risk.description = description + FICTIONAL;
        risk.eventCategory = category;
        risk.businessLine = line;
        risk.orgUnit = ORG_UNIT;
        risk.owner = owner;
        risk.inherentLikelihood = inherentLikelihood;
        risk.inherentImpact = inherentImpact;
        risk.residualLikelihood = residualLikelihood;
        risk.residualImpact = residualImpact;
        risk.persist();
        return risk;
    }

    private static Control control(String title, ControlType type, ControlNature nature, ControlFrequency frequency,
            String owner, Effectiveness design, Effectiveness operating, boolean key) {
        Control control = new Control();
        control.reference = ReferenceCounter.next("CTL");
        control.title = title;
        control.description = "Rating as found during the 19 July 2024 outage." + FICTIONAL;
        control.type = type;
        control.nature = nature;
        control.frequency = frequency;
        control.owner = owner;
        control.designEffectiveness = design;
        control.operatingEffectiveness = operating;
        control.keyControl = key;
        control.persist();
        return control;
    }

    private static void link(Risk risk, Control control) {
        RiskControl link = new RiskControl();
        link.risk = risk;
        link.control = control;
        link.persist();
    }
}
