package org.opregister.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Users' display names by username, for pages that name people; each is read once per request. */
@Named("people")
@RequestScoped
public class People {

    private final Map<String, String> names = new HashMap<>();

    /** Reads the names of these users in one query, for a page that names many (a list's owners). */
    public void know(Collection<String> usernames) {
        Set<String> unknown = new HashSet<>(usernames);
        unknown.removeAll(names.keySet());
        unknown.remove(null);
        if (unknown.isEmpty()) {
            return;
        }
        User.getEntityManager()
                .createQuery("select u.username, u.displayName from User u where u.username in :names", Object[].class)
                .setParameter("names", unknown).getResultList()
                .forEach(row -> names.put((String) row[0], shown((String) row[0], (String) row[1])));
    }

    /** The display name, or the username itself for an account that no longer exists (or none for null). */
    public String name(String username) {
        if (username == null) {
            return "";
        }
        return names.computeIfAbsent(username,
                u -> shown(u, User.findByUsername(u).map(user -> user.displayName).orElse(null)));
    }

    /** What a page shows for a user: the display name, or the username when there is none. */
    private static String shown(String username, String displayName) {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
