package org.opregister.risk;

import java.util.List;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/** What the risk and control forms offer. */
public record RiskChoices(List<Integer> scale, List<RiskStatus> statuses, List<RiskBand> bands,
        List<EventCategory> categories, List<BusinessLine> businessLines, List<ControlType> controlTypes,
        List<ControlNature> natures, List<ControlFrequency> frequencies, List<Effectiveness> effectiveness) {

    public static final RiskChoices INSTANCE = new RiskChoices(List.of(1, 2, 3, 4, 5), List.of(RiskStatus.values()),
            List.of(RiskBand.values()), List.of(EventCategory.values()), List.of(BusinessLine.values()),
            List.of(ControlType.values()), List.of(ControlNature.values()), List.of(ControlFrequency.values()),
            List.of(Effectiveness.values()));
}
