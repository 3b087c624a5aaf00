package org.opregister.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.opregister.incident.Incident;

/**
 * Test-only page for {@link DatabaseOutageTest}: the database goes away after the request was authenticated, in
 * the middle of the page's work, as it does when an outage starts while a request is served.
 */
@Path("/test-only/outage-probe")
public class OutageProbe {

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public String countIncidents() {
        DatabaseOutage.cut();
        return String.valueOf(Incident.count());
    }
}
