package org.opregister.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.opregister.core.Role;

/** The main menu: one entry per module that is in the product. A module adds its entry when it ships. */
public enum Navigation {

    DASHBOARD("/", "nav.dashboard"), INCIDENTS("/incidents", "nav.incidents"), LOSSES("/losses", "nav.losses"), REPORTS(
            "/reports", "nav.reports"), DORA("/dora", "dora.nav", List.of("/ict-providers", "/services")), RISKS(
                    "/risks", "nav.risks"), CONTROLS("/controls", "nav.controls"), ASSESSMENTS("/assessments",
                            "nav.assessments"), KRIS("/kris", "nav.kris"), ACTIONS("/actions",
                                    "nav.actions"), CONTROL_TESTS("/control-tests", "nav.controlTests"), ATTESTATIONS(
                                            "/attestations", "nav.attestations"), FX_RATES("/fx-rates", "nav.fxRates",
                                                    Role.OFFICER, Role.MANAGER, Role.AUDITOR), AUDIT("/audit",
                                                            "nav.audit", Role.AUDITOR,
                                                            Role.ADMIN), USERS("/admin/users", "nav.users",
                                                                    List.of("/admin/sign-in"), Role.ADMIN);

    public final String path;
    public final String labelKey;
    /** Roles that see the entry; none means every signed-in user. */
    private final Set<String> roles;

    /** Other pages that belong to the entry (the ICT register is reached from the DORA page). */
    private final List<String> related;

    Navigation(String path, String labelKey, String... roles) {
        this(path, labelKey, List.of(), roles);
    }

    Navigation(String path, String labelKey, List<String> related, String... roles) {
        this.path = path;
        this.labelKey = labelKey;
        this.related = related;
        this.roles = Set.of(roles);
    }

    /** The entries the given roles may open. */
    public static List<Navigation> entries(Set<String> userRoles) {
        return Arrays.stream(values())
                .filter(entry -> entry.roles.isEmpty() || entry.roles.stream().anyMatch(userRoles::contains))
                .toList();
    }

    /** Whether the page at {@code requestPath} belongs to this entry. */
    public boolean active(String requestPath) {
        if (path.equals("/")) {
            return requestPath == null || requestPath.equals("/");
        }
        return requestPath != null
                && (under(requestPath, path) || related.stream().anyMatch(p -> under(requestPath, p)));
    }

    private static boolean under(String requestPath, String prefix) {
        return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }
}
