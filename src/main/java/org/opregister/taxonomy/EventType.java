package org.opregister.taxonomy;

import static org.opregister.taxonomy.EventCategory.*;

/** Basel II Annex 9 loss event types, Level 2, each under its one Level 1 category. */
public enum EventType {

    UNAUTHORISED_ACTIVITY(INTERNAL_FRAUD), INTERNAL_THEFT_AND_FRAUD(INTERNAL_FRAUD), EXTERNAL_THEFT_AND_FRAUD(
            EXTERNAL_FRAUD), SYSTEMS_SECURITY(EXTERNAL_FRAUD), EMPLOYEE_RELATIONS(
                    EMPLOYMENT_PRACTICES), SAFE_ENVIRONMENT(EMPLOYMENT_PRACTICES), DIVERSITY_AND_DISCRIMINATION(
                            EMPLOYMENT_PRACTICES), SUITABILITY_DISCLOSURE_FIDUCIARY(
                                    CLIENTS_PRODUCTS_PRACTICES), IMPROPER_BUSINESS_MARKET_PRACTICES(
                                            CLIENTS_PRODUCTS_PRACTICES), PRODUCT_FLAWS(
                                                    CLIENTS_PRODUCTS_PRACTICES), SELECTION_SPONSORSHIP_EXPOSURE(
                                                            CLIENTS_PRODUCTS_PRACTICES), ADVISORY_ACTIVITIES(
                                                                    CLIENTS_PRODUCTS_PRACTICES), DISASTERS_AND_OTHER_EVENTS(
                                                                            DAMAGE_TO_PHYSICAL_ASSETS), SYSTEMS(
                                                                                    BUSINESS_DISRUPTION), TRANSACTION_CAPTURE_EXECUTION(
                                                                                            EXECUTION_DELIVERY_PROCESS), MONITORING_AND_REPORTING(
                                                                                                    EXECUTION_DELIVERY_PROCESS), CUSTOMER_INTAKE_DOCUMENTATION(
                                                                                                            EXECUTION_DELIVERY_PROCESS), CUSTOMER_ACCOUNT_MANAGEMENT(
                                                                                                                    EXECUTION_DELIVERY_PROCESS), TRADE_COUNTERPARTIES(
                                                                                                                            EXECUTION_DELIVERY_PROCESS), VENDORS_AND_SUPPLIERS(
                                                                                                                                    EXECUTION_DELIVERY_PROCESS);

    public final EventCategory category;

    EventType(EventCategory category) {
        this.category = category;
    }

    public EventCategory category() {
        return category;
    }
}
