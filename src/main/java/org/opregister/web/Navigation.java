package org.opregister.web;

import java.util.List;

/** The main menu: one entry per module that is in the product. A module adds its entry when it ships. */
public enum Navigation {
    DASHBOARD("/", "nav.dashboard"),
    INCIDENTS("/incidents", "nav.incidents");

    public final String path;
    public final String labelKey;

    Navigation(String path, String labelKey) {
        this.path = path;
        this.labelKey = labelKey;
    }

    public static List<Navigation> entries() {
        return List.of(values());
    }

    /** Whether the page at {@code requestPath} belongs to this entry. */
    public boolean active(String requestPath) {
        if (path.equals("/")) {
            return requestPath == null || requestPath.equals("/");
        }
        return requestPath != null && (requestPath.equals(path) || requestPath.startsWith(path + "/"));
    }
}
