package org.opregister.dashboard;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.AppClock;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentStats;
import org.opregister.risk.RiskSummary;
import org.opregister.security.CurrentUser;

/** The landing page: where the register stands, what needs attention. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class DashboardResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance dashboard(IncidentStats stats, List<Incident> recent, String currency,
                boolean demoData, LocalDate since, RiskSummary risks, Attention attention);
    }

    @Inject
    OpriskConfig config;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance dashboard() {
        LocalDate since = AppClock.today().minusMonths(12).withDayOfMonth(1);
        return Templates.dashboard(IncidentStats.compute(since), Incident.recent(8), config.reportingCurrency(),
                config.demoData(), since,
                RiskSummary.compute(), Attention.of(currentUser));
    }
}
