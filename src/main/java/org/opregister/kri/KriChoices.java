package org.opregister.kri;

import java.util.List;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;

/** What the KRI forms offer. */
public record KriChoices(List<KriFrequency> frequencies, List<KriDirection> directions, List<KriSource> sources,
        List<KriActivity> statuses, List<EventCategory> categories, List<BusinessLine> businessLines) {

    public static final KriChoices INSTANCE = new KriChoices(List.of(KriFrequency.values()),
            List.of(KriDirection.values()),
            List.of(KriSource.values()), List.of(KriActivity.values()), List.of(EventCategory.values()),
            List.of(BusinessLine.values()));
}
