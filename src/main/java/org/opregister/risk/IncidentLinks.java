package org.opregister.risk;

import java.util.List;

import org.opregister.incident.Incident;

/** What an incident page shows of RCSA: the risks it materialised, the controls that failed, and what can be added. */
public record IncidentLinks(List<Risk> risks, List<Control> failedControls, List<Risk> linkableRisks,
        List<Control> linkableControls) {

    public static IncidentLinks of(Incident incident) {
        List<Risk> risks = IncidentRisk.risksOf(incident);
        List<Control> controls = IncidentControl.controlsOf(incident);
        return new IncidentLinks(risks, controls,
                Risk.active().stream().filter(r -> risks.stream().noneMatch(l -> l.id.equals(r.id))).toList(),
                Control.all().stream().filter(c -> controls.stream().noneMatch(l -> l.id.equals(c.id))).toList());
    }
}
