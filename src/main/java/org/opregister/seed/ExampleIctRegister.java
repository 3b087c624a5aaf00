package org.opregister.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.opregister.core.Storyline;
import org.opregister.ict.BusinessService;
import org.opregister.ict.IctContract;
import org.opregister.ict.IctProvider;
import org.opregister.ict.IctServiceType;
import org.opregister.ict.IncidentProvider;
import org.opregister.ict.PersonType;
import org.opregister.ict.Substitutability;
import org.opregister.incident.Incident;

/**
 * The example's ICT register: CrowdStrike as provider (no LEI: none was found in a public source, and one is never
 * invented for a real company), the fictional bank's endpoint-protection contract supporting online banking, SEPA
 * payments and custody (critical, CrowdStrike the only provider, exit plan never tested), and the outage incident
 * linked to it. The contract's reference, dates and cost are the fictional bank's. Nothing is overwritten: a
 * provider the incident is already linked to (the free-text migration may have made it) is the one used, a
 * provider of the same name is reused, and an existing contract reference is left as it is.
 */
@ApplicationScoped
public class ExampleIctRegister {

    static final String NAME = "example-ict-register-v1";

    public static final String PROVIDER = "CrowdStrike, Inc.";
    public static final String CONTRACT = "ICT-2022-EDR-01";
    /** When the example's officer linked the incident to the provider (the register's first day under DORA). */
    static final Instant LINKED_AT = Instant.parse("2025-01-17T09:00:00Z");

    public void record() {
        Incident incident = Incident.findByReference(ExampleCase.REFERENCE);
        IctProvider provider = null;
        if (incident != null) {
            provider = IncidentProvider.ofIncident(incident.id).stream().map(l -> l.provider).findFirst()
                    .orElse(null);
        }
        if (provider == null) {
            provider = IctProvider.byName(PROVIDER);
        }
        if (provider == null) {
            provider = new IctProvider();
            provider.name(PROVIDER);
            provider.country = "US";
            provider.personType = PersonType.LEGAL_PERSON;
            provider.notes = "Falcon endpoint detection and response (EDR) sensor on the bank's Windows endpoints and "
                    + "servers. LEI not recorded: none found in a public source.";
            provider.persist();
        }
        IctContract contract = IctContract.byReference(CONTRACT);
        if (contract == null) {
            contract = new IctContract();
            contract.provider = provider;
            contract.reference = CONTRACT;
            contract.startDate = LocalDate.of(2022, 4, 1);
            contract.serviceType = IctServiceType.S04;
            contract.annualCost = new BigDecimal("420000.00");
            contract.currency = "EUR";
            contract.substitutability = Substitutability.HIGHLY_COMPLEX;
            contract.exitPlan = true;
            contract.exitPlanTestedOn = null;
            contract.notes = "Endpoint protection for all Windows hosts; no second EDR vendor, exit plan written "
                    + "but never tested (fictional bank).";
            for (String code : new String[]{ExampleServices.ONLINE_BANKING, ExampleServices.PAYMENTS,
                    ExampleServices.CUSTODY}) {
                BusinessService service = BusinessService.byCode(code);
                if (service != null) {
                    contract.services.add(service);
                }
            }
            contract.persist();
        }
        if (incident != null && IncidentProvider.ofIncident(incident.id).isEmpty()) {
            IctProvider linkedProvider = provider;
            IctContract linkedContract = contract.provider == provider ? contract : null;
            // part of the incident's story: the officer records the provider when the register is set up
            Storyline.run(new Storyline.Step(LINKED_AT, "officer", null), () -> {
                IncidentProvider link = new IncidentProvider();
                link.incident = incident;
                link.provider = linkedProvider;
                link.contract = linkedContract;
                link.persist();
                IncidentProvider.flush();
            });
        }
    }
}
