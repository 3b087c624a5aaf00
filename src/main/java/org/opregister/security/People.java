package org.opregister.security;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Users' display names by username, for pages that name people; each is read once per request. */
@Named("people")
@RequestScoped
public class People {

    private final Map<String, String> names = new HashMap<>();

    /** The display name, or the username itself for an account that no longer exists (or none for null). */
    public String name(String username) {
        if (username == null) {
            return "";
        }
        return names.computeIfAbsent(username,
                u -> User.findByUsername(u).map(user -> user.displayName).filter(n -> !n.isBlank()).orElse(u));
    }
}
