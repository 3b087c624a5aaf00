package org.opregister.ict;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import org.opregister.incident.IncidentThirdParties;

/** The providers linked to an incident and the picker's choices, for the incident's page. */
@ApplicationScoped
@Unremovable // looked up by incident.IncidentThirdParties.Pages, which no injection point shows the container
public class IncidentThirdPartySource implements IncidentThirdParties {

    @Override
    public View of(long incidentId, boolean withChoices) {
        List<Linked> linked = IncidentProvider.ofIncident(incidentId).stream()
                .map(l -> new Linked(l.id, l.provider.name, "/ict-providers/" + l.provider.id,
                        l.contract == null ? null : l.contract.reference,
                        l.contract != null
                                ? l.contract.critical()
                                : IctContract.of(l.provider).stream().anyMatch(IctContract::critical)))
                .toList();
        return withChoices
                ? new View(true, linked, IctProvider.choices(), IctContract.choices())
                : new View(true, linked, List.of(), List.of());
    }
}
