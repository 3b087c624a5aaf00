package org.opregister.incident;

import java.util.List;

import org.opregister.reference.LegalEntity;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;

/** The options the incident and loss forms and the register's filters offer. */
public record Choices(List<IncidentStatus> statuses, List<Severity> severities, List<EventCategory> categories,
        List<BusinessLine> businessLines, List<Cause> causes, List<LossType> lossTypes,
        List<RecoveryStatus> recoveryStatuses,
        List<DateBasis> dateBases, List<DataSetScope> dataSetScopes, String reportingCurrency) {

    /** The group's active legal entities, the default first. */
    public List<LegalEntity> legalEntities() {
        return LegalEntity.active().stream().sorted((a, b) -> Boolean.compare(b.isDefault, a.isDefault)).toList();
    }

    public static Choices of(String reportingCurrency) {
        return new Choices(List.of(IncidentStatus.values()), List.of(Severity.values()),
                List.of(EventCategory.values()),
                List.of(BusinessLine.values()), List.of(Cause.values()), List.of(LossType.values()),
                List.of(RecoveryStatus.values()), List.of(DateBasis.values()),
                List.of(DataSetScope.values()), reportingCurrency);
    }
}
