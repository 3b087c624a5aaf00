package org.opregister.dashboard;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.FieldErrors;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentStats;
import org.opregister.losses.KeptLossFigures;
import org.opregister.losses.LossPanel;
import org.opregister.losses.LossParams;
import org.opregister.risk.RiskSummary;
import org.opregister.security.CurrentUser;

/** The landing page: where the register stands, what needs attention. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class DashboardResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance dashboard(IncidentStats stats, List<Incident> recent,
                String currency, boolean demoData, LossPanel losses, FieldErrors errors, RiskSummary risks,
                Attention attention);
    }

    @Inject
    OpriskConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    KeptLossFigures keptLossFigures;

    /** The loss panel's period: from, to, dates (as on the losses page); by default the latest twelve months. */
    @GET
    public Response dashboard(@BeanParam LossParams period) {
        FieldErrors errors = new FieldErrors();
        LossPanel losses = LossPanel.of(period, errors, keptLossFigures);
        return Response.status(errors.any() ? 400 : 200)
                .entity(Templates.dashboard(IncidentStats.statusCounts(), Incident.recent(8),
                        config.reportingCurrency(),
                        config.demoData(), losses, errors, RiskSummary.compute(), Attention.of(currentUser)))
                .build();
    }
}
