package org.opregister.risk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.control.Control;
import org.opregister.control.ControlRisks;

/** The risks a control mitigates, for its page, its export and the API. */
@ApplicationScoped
public class ControlRiskSource implements ControlRisks.Source {

    @Override
    public ControlRisks of(Control control) {
        List<Risk> linked = RiskControl.risksOf(control);
        return new ControlRisks(linked.stream().map(ControlRiskSource::line).toList(),
                Risk.active().stream().filter(r -> linked.stream().noneMatch(l -> l.id.equals(r.id)))
                        .map(ControlRiskSource::line).toList());
    }

    @Override
    public List<String> referencesOf(Control control) {
        return RiskControl.risksOf(control).stream().map(r -> r.reference).toList();
    }

    private static ControlRisks.Line line(Risk risk) {
        Rating residual = risk.residual();
        return new ControlRisks.Line(risk.id, risk.reference, risk.title, new ControlRisks.Rating(
                residual.likelihood(), residual.impact(), residual.score(), residual.band()));
    }
}
