package org.opregister.taxonomy;

import java.util.Arrays;
import java.util.List;

/** Basel II Annex 9 loss event types, Level 1. */
public enum EventCategory {

    INTERNAL_FRAUD, EXTERNAL_FRAUD, EMPLOYMENT_PRACTICES, CLIENTS_PRODUCTS_PRACTICES, DAMAGE_TO_PHYSICAL_ASSETS, BUSINESS_DISRUPTION, EXECUTION_DELIVERY_PROCESS;

    public List<EventType> types() {
        return Arrays.stream(EventType.values()).filter(t -> t.category == this).toList();
    }
}
