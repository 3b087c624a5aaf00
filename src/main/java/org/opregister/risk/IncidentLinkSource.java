package org.opregister.risk;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.control.Control;
import org.opregister.control.IncidentControl;
import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentLinks;
import org.opregister.incident.IncidentLinks.LinkedRecord;
import org.opregister.web.TemplateExtensions;

/** The risks and failed controls linked to an incident, for its page. */
@ApplicationScoped
public class IncidentLinkSource implements IncidentLinks.Source {

    @Override
    public IncidentLinks of(Incident incident, boolean withChoices) {
        return new IncidentLinks(IncidentRisk.risksOf(incident).stream().map(IncidentLinkSource::line).toList(),
                IncidentControl.controlsOf(incident).stream().map(IncidentLinkSource::line).toList(),
                withChoices ? IncidentRisk.linkableTo(incident) : List.of(),
                withChoices ? IncidentControl.linkableTo(incident) : List.of());
    }

    private static LinkedRecord line(Risk risk) {
        Rating rating = risk.residual();
        String title = label("risk.likelihood") + " " + rating.likelihood() + " × " + label("risk.impact") + " "
                + rating.impact();
        return new LinkedRecord(risk.id, risk.reference, risk.title, "/risks/" + risk.id,
                rating.score() + " · " + label(Messages.enumKey(rating.band())),
                "band-badge band-" + TemplateExtensions.css(rating.band()),
                title);
    }

    private static LinkedRecord line(Control control) {
        return new LinkedRecord(control.id, control.reference, control.title, "/controls/" + control.id,
                label(Messages.enumKey(control.operatingEffectiveness)),
                "effect-badge effect-" + TemplateExtensions.css(control.operatingEffectiveness), null);
    }

    private static String label(String key) {
        return Messages.get(CurrentLocale.current(), key);
    }
}
