package org.opregister.ict;

import java.time.LocalDate;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opregister.incident.Incident;

/** Records of the ICT register made straight in the database, for tests that aim at their routes. */
public final class IctFixtures {

    private IctFixtures() {
    }

    /** A service, a provider with one contract supporting it, and a link of the incident to the provider. */
    public record Register(long serviceId, long providerId, long contractId, long linkId) {
    }

    public static Register register(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
            BusinessService service = service("T" + tag, true);
            IctProvider provider = provider("Route target provider " + tag);
            IctContract contract = contract(provider, "RT-" + tag, service);
            IncidentProvider link = new IncidentProvider();
            link.incident = Incident.findById(incidentId);
            link.provider = provider;
            link.contract = contract;
            link.persist();
            return new Register(service.id, provider.id, contract.id, link.id);
        });
    }

    /** Inside a transaction: a new active service. */
    static BusinessService service(String code, boolean critical) {
        BusinessService service = new BusinessService();
        service.code = code;
        service.name = "Service " + code;
        service.functionName = "Function " + code;
        service.criticalOrImportant = critical;
        service.active = true;
        service.persist();
        return service;
    }

    /** Inside a transaction: a new provider. */
    static IctProvider provider(String name) {
        IctProvider provider = new IctProvider();
        provider.name(name);
        provider.country = "DE";
        provider.persist();
        return provider;
    }

    /** Inside a transaction: a new contract in force since 2024, exit plan untested. */
    static IctContract contract(IctProvider provider, String reference, BusinessService... services) {
        IctContract contract = new IctContract();
        contract.provider = provider;
        contract.reference = reference;
        contract.startDate = LocalDate.of(2024, 1, 1);
        contract.serviceType = IctServiceType.S19;
        contract.substitutability = Substitutability.HIGHLY_COMPLEX;
        contract.exitPlan = true;
        for (BusinessService service : services) {
            contract.services.add(service);
        }
        contract.persist();
        return contract;
    }
}
