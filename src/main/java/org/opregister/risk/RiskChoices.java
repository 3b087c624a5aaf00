package org.opregister.risk;

import java.util.List;

import org.opregister.control.Effectiveness;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/**
 * What the risk forms offer; the effectiveness scale too, for the self-assessment of a risk and its controls (the
 * control forms' choices are control.ControlChoices).
 */
public record RiskChoices(List<Integer> scale, List<RiskStatus> statuses, List<RiskBand> bands,
        List<EventCategory> categories, List<BusinessLine> businessLines, List<Effectiveness> effectiveness) {

    public static final RiskChoices INSTANCE = new RiskChoices(List.of(1, 2, 3, 4, 5), List.of(RiskStatus.values()),
            List.of(RiskBand.values()), List.of(EventCategory.values()), List.of(BusinessLine.values()),
            List.of(Effectiveness.values()));
}
