package org.opregister.security;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.security.Routes.Route;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every route of the application for anonymous, officer, manager, auditor and admin. The expectations
 * come from the access rules, not from the code under test; a route added later is walked automatically.
 */
@QuarkusTest
class RouteMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    private static final List<String> WHO = List.of(ANONYMOUS, "officer", "manager", "auditor", "admin");

    @Test
    void everyRouteForEveryRole() throws Exception {
        RouteFixture fixture = new RouteFixture();
        assertTrue(fixture.routes.size() >= 25, "routes found: " + fixture.routes);
        long auditorChangesBefore = changesBy("auditor");
        List<String> failures = new ArrayList<>();
        for (Route route : fixture.routes) {
            for (String who : WHO) {
                var response = call(route, who);
                int status = response.statusCode();
                String expected = expectation(route, who);
                if (!matches(expected, status)) {
                    failures.add(route + " as " + who + ": expected " + expected + " but was " + status);
                } else if (status == 200 && response.body().asString().contains("NOT_FOUND")) {
                    failures.add(route + " as " + who + ": the page shows an unresolved template value (NOT_FOUND)");
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(auditorChangesBefore, changesBy("auditor"), "auditors changed nothing");
    }

    /** The access rules of architecture.md, written down independently of the resources' annotations. */
    static String expectation(Route route, String who) {
        String path = route.template();
        boolean read = route.method().equals("GET");
        if (path.startsWith("/login/oidc")) {
            // Sign-in through the OpenID Connect provider: public, and not there while no provider is set up.
            return "404";
        }
        if (who.equals(ANONYMOUS)) {
            if (path.equals("/login") && read) {
                return "ok";
            }
            return route.json() ? "401" : "login";
        }
        boolean writer = who.equals("officer") || who.equals("manager");
        if (path.startsWith("/admin")) {
            return who.equals("admin") ? "ok" : "403";
        }
        if (path.startsWith("/audit")) {
            return who.equals("auditor") || who.equals("admin") ? "ok" : "403";
        }
        if (path.startsWith("/account") || path.equals("/login") || path.equals("/logout")) {
            return "ok";
        }
        if (referenceData(route)) {
            if (read && !path.endsWith("/new") && !path.endsWith("/edit")) {
                return who.equals("admin") ? "403" : "ok";
            }
            return who.equals("manager") ? "ok" : "403";
        }
        if (ictRegister(route)) {
            if (who.equals("admin")) {
                return "403";
            }
            if (read && !path.endsWith("/new") && !path.endsWith("/edit")) {
                return "ok";
            }
            return writer ? "ok" : "403";
        }
        if (path.startsWith("/imports")) {
            // Bulk import (issue #18): managers alone, also to read the jobs and their bad cells.
            return who.equals("manager") ? "ok" : "403";
        }
        if (ratingsOverride(route)) {
            return who.equals("manager") ? "ok" : "403";
        }
        if (read && !path.endsWith("/new") && !path.endsWith("/edit")) {
            return "ok";
        }
        if (managerOnly(route)) {
            return who.equals("manager") ? "ok" : "403";
        }
        return writer ? "ok" : "403";
    }

    /**
     * Reviews, approvals and campaigns are the manager's: opening, assigning and ending campaigns; approving,
     * returning, refusing and cancelling anywhere; locking the loss ledger's periods.
     */
    static boolean managerOnly(Route route) {
        String path = route.template();
        if (path.equals("/losses/lock") || smaInputs(route)) {
            return true;
        }
        String module = path.startsWith("/assessments")
                ? "/assessments"
                : path.startsWith("/attestations") ? "/attestations" : null;
        boolean decision = path.endsWith("/approve") || path.endsWith("/return") || path.endsWith("/refuse")
                || path.endsWith("/cancel");
        return decision || module != null && (path.equals(module) || path.endsWith("/new") || path.endsWith("/assign")
                || path.endsWith("/close"));
    }

    /**
     * Reference data (FX rates, legal entities): officers, managers and auditors read it (officers see the rates
     * their lines used); managers alone keep it.
     */
    static boolean referenceData(Route route) {
        return route.template().startsWith("/fx-rates") || route.template().startsWith("/legal-entities")
                || route.template().startsWith("/services");
    }

    /**
     * The ICT third-party register (providers, their contractual arrangements, the incidents they were involved in,
     * its exports): officers, managers and auditors read it, officers and managers keep it; administrators do not
     * see it (the bank's services, which it links to, are reference data kept by managers).
     */
    static boolean ictRegister(Route route) {
        return route.template().startsWith("/ict-providers");
    }

    /**
     * The SMA business-indicator inputs: every role reads them (their form is a page of the report), managers alone
     * set them, on the page or through the API.
     */
    static boolean smaInputs(Route route) {
        String path = route.template();
        return path.startsWith("/reports/sma/inputs/") || path.startsWith("/api/reports/business-indicator/");
    }

    /** Current ratings change outside a review only by a manager's documented override: its form and its posts. */
    static boolean ratingsOverride(Route route) {
        String path = route.template();
        return path.matches("(/api)?/risks/\\{id}/ratings") || path.matches("(/api)?/controls/\\{id}/effectiveness");
    }

    private static boolean matches(String expected, int status) {
        return switch (expected) {
            case "ok" -> status < 500 && status != 401 && status != 403;
            case "login" -> status == 302;
            default -> status == Integer.parseInt(expected);
        };
    }

    static Response call(Route route, String who) {
        // Signing out really ends a session: do it with a session of its own, not the one the other tests share.
        Session session = who.equals(ANONYMOUS)
                ? null
                : route.path().equals("/logout") ? TestSupport.login(who) : TestSupport.session(who);
        RequestSpecification request = session == null ? given().redirects().follow(false) : session.request();
        if (route.method().equals("GET")) {
            return request.get(route.path());
        }
        if (route.json()) {
            return request.contentType("application/json").body("{}").request(route.method(), route.path());
        }
        if (route.multipart()) {
            if (session != null) {
                Csrf csrf = session.csrf("/account/password");
                request.cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field());
            }
            return request.multiPart("file", "empty.csv", new byte[0], "text/csv").request(route.method(),
                    route.path());
        }
        if (session != null) {
            Csrf csrf = session.csrf("/account/password");
            request.cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field());
        }
        return request.contentType("application/x-www-form-urlencoded").request(route.method(), route.path());
    }

    private static long changesBy(String username) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("username = ?1 and action in ?2", username,
                List.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE)));
    }
}
