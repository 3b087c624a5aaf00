package org.opregister.seed;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.ict.BusinessService;

/**
 * The example bank's services, each with the function it supports (fictional, like the bank). The outage of 19 July
 * 2024 stopped online banking, SEPA payments and custody services; the DORA classification of the example and its
 * ICT register refer to them by code. A code that already exists is left as it is: seeding never overwrites user
 * data.
 */
@ApplicationScoped
public class ExampleServices {

    static final String NAME = "example-services-v1";

    public static final String PAYMENTS = "SEPA-PAY";
    public static final String ONLINE_BANKING = "ONLINE";
    public static final String CUSTODY = "CUSTODY";
    public static final String BRANCHES = "BRANCH";

    private static final Object[][] SERVICES = {
            {PAYMENTS, "SEPA credit transfers and direct debits", "Payment services", true,
                    "Execution of clients' SEPA payments through the bank's payment hub."},
            {ONLINE_BANKING, "Online and mobile banking", "Retail banking: account access and payment initiation",
                    true, "Web and mobile channels for retail and small-business clients."},
            {CUSTODY, "Custody and safekeeping", "Agency services: custody for institutional clients", true,
                    "Safekeeping, settlement and reporting for custody clients."},
            {BRANCHES, "Branch and contact-centre services", "Retail banking: advice and servicing", false,
                    "Counter and telephone services; clients can fall back on the other channels."}};

    public void record() {
        for (Object[] row : SERVICES) {
            if (BusinessService.byCode((String) row[0]) != null) {
                continue;
            }
            BusinessService service = new BusinessService();
            service.code = (String) row[0];
            service.name = (String) row[1];
            service.functionName = (String) row[2];
            service.criticalOrImportant = (Boolean) row[3];
            service.description = (String) row[4];
            service.active = true;
            service.persist();
        }
    }
}
