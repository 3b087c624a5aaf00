package org.opregister.ict;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a provider's page shows: its contracts, the bank's services (functions) that depend on it, critical ones
 * flagged, and the incidents it was involved in with their gross and net losses and the totals.
 */
public record ProviderPage(IctProvider provider, List<IctContract> contracts, List<Dependency> dependencies,
        List<IncidentProvider> incidents, IncidentProvider.Totals totals, String reportingCurrency) {

    /** A service that depends on the provider, through which of its contracts. */
    public record Dependency(BusinessService service, List<String> contracts) {
    }

    static ProviderPage of(IctProvider provider, String reportingCurrency) {
        List<IctContract> contracts = IctContract.of(provider);
        Map<String, Dependency> byCode = new TreeMap<>();
        for (IctContract contract : contracts) {
            for (BusinessService service : contract.services) {
                byCode.computeIfAbsent(service.code, c -> new Dependency(service, new java.util.ArrayList<>()))
                        .contracts().add(contract.reference);
            }
        }
        List<Dependency> dependencies = byCode.values().stream()
                .sorted(Comparator.comparing((Dependency d) -> !d.service().criticalOrImportant)
                        .thenComparing(d -> d.service().code))
                .toList();
        return new ProviderPage(provider, contracts, dependencies, IncidentProvider.ofProvider(provider),
                IncidentProvider.totalsOf(provider), reportingCurrency);
    }
}
