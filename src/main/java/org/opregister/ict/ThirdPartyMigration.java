package org.opregister.ict;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.opregister.core.ClusterLock;
import org.opregister.core.JobRuns;
import org.opregister.incident.Incident;

/**
 * Turns the free-text third party of the incidents recorded before the register ({@code incident.third_party})
 * into providers, once across every instance: one provider per distinct name (trimmed, inner spaces collapsed, in
 * any case), each such incident linked to it. The free text stays as it was (nothing is lost); an incident already
 * linked to a provider is left alone, and a name that matches an existing provider links to that provider.
 */
@ApplicationScoped
public class ThirdPartyMigration {

    static final String JOB = "ict-third-party-migration";
    private static final Logger LOG = Logger.getLogger(ThirdPartyMigration.class);

    /** After the demo data (priority 2500 by default), so the example's own provider is there first. */
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        runOnce();
    }

    /** Claims the one run; answers whether this instance did it. */
    @Transactional
    public boolean runOnce() {
        if (!JobRuns.claim(JOB, "v1")) {
            return false;
        }
        int linked = migrate();
        LOG.infof("Free-text third parties moved to the ICT register: %d incidents linked", linked);
        return true;
    }

    /** Links every unlinked incident with a free-text third party to its provider; answers how many it linked. */
    @Transactional
    public int migrate() {
        ClusterLock.hold(IctRegisterService.LOCK);
        List<Incident> incidents = IncidentProvider.unlinkedWithThirdParty();
        for (Incident incident : incidents) {
            IctProvider provider = IctRegisterService.providerNamed(incident.thirdParty);
            IncidentProvider link = new IncidentProvider();
            link.incident = incident;
            link.provider = provider;
            link.persist();
        }
        return incidents.size();
    }
}
