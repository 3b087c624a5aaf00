package org.opregister.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads stored state directly, to check what a request did or did not change. */
final class IncidentTestData {

    private IncidentTestData() {
    }

    static Incident find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Incident incident = Incident.findById(id);
            Incident.getEntityManager().detach(incident);
            return incident;
        });
    }

    static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Incident.count());
    }

    static long lossCount(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> LossEntry.count("incident.id", incidentId));
    }
}
