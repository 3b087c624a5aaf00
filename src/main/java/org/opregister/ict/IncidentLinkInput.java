package org.opregister.ict;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What was chosen in the incident page's provider picker when the link was refused, so the page shows the choice
 * again ({@code inject:ictLinkInput} in {@code tags/incidentThirdParties.html}).
 */
@RequestScoped
@Named("ictLinkInput")
public class IncidentLinkInput {

    private Long provider;
    private Long contract;

    /** Keeps the choice (a method: fields of a request-scoped bean cannot be set through its proxy). */
    public void keep(Long provider, Long contract) {
        this.provider = provider;
        this.contract = contract;
    }

    public boolean providerIs(long id) {
        return provider != null && provider == id;
    }

    public boolean contractIs(long id) {
        return contract != null && contract == id;
    }
}
