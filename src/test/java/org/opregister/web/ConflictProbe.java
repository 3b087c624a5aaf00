package org.opregister.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only route for {@link ConcurrentChangeTest}: a write that lost a version check to a parallel one. */
@Path("/test-only/conflict-probe")
public class ConflictProbe {

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public String lose() {
        throw new IllegalStateException("commit failed",
                new OptimisticLockException("row was updated by another transaction"));
    }
}
