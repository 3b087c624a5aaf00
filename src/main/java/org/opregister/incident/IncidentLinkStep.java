package org.opregister.incident;

import java.net.URI;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.opregister.web.Flash;
import org.opregister.web.Step;

/** Linking or unlinking an incident from another record's page (a risk's, a control's). */
public final class IncidentLinkStep {

    private IncidentLinkStep() {
    }

    /**
     * Runs the change: back to that page with a message, or the page again with the problem (no such incident: 400;
     * the incident is closed: 409).
     */
    public static Response run(Runnable change, String page, String flashKey,
            Function<String, TemplateInstance> pageWithProblem) {
        return Step.run(() -> {
            change.run();
            return Flash.redirect(URI.create(page + "#incidents"), flashKey, null);
        }, (errors, problem) -> pageWithProblem.apply(problem != null ? problem : errors.keys().get("incident")));
    }
}
