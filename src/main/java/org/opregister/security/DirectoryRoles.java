package org.opregister.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;

/**
 * Which roles a directory account gets from its groups (settings {@code oprisk.directory.*-groups}). A configured
 * entry with '=' is a distinguished name and matches a group of that name (compared as names: case and spaces
 * around separators ignored); any other entry matches a group's cn, or a group given by name or id (an OpenID
 * Connect groups claim). Roles are read again at every sign-in.
 */
@ApplicationScoped
public class DirectoryRoles {

    private final Map<String, List<String>> groupsByRole = new LinkedHashMap<>();

    @Inject
    DirectoryRoles(OpriskConfig config) {
        this(Map.of(Role.OFFICER, config.directory().officerGroups(), Role.MANAGER,
                config.directory().managerGroups(), Role.AUDITOR, config.directory().auditorGroups(), Role.ADMIN,
                config.directory().adminGroups()));
    }

    DirectoryRoles(Map<String, Optional<String>> settings) {
        for (String role : Role.ALL) {
            groupsByRole.put(role, entries(settings.getOrDefault(role, Optional.empty())));
        }
    }

    /** The roles the groups give; none: the account may not sign in. */
    public Set<String> roles(Collection<String> groups) {
        return roles(groups, DirectoryRoles::matches);
    }

    /**
     * The roles the groups of an OpenID Connect token give: each value compared whole with the configured entries
     * (case ignored), never read as a distinguished name, since a group's name there is whatever its owner chose.
     */
    public Set<String> rolesOfNamedGroups(Collection<String> groups) {
        return roles(groups, (entry, group) -> entry.equalsIgnoreCase(group.strip()));
    }

    /** The roles with a configured entry that matches one of the groups. */
    private Set<String> roles(Collection<String> groups, BiPredicate<String, String> matches) {
        Set<String> roles = new TreeSet<>();
        groupsByRole.forEach((role, configured) -> {
            if (groups.stream().anyMatch(group -> configured.stream().anyMatch(entry -> matches.test(entry, group)))) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** The configured entries, by role, for the sign-in methods page. */
    public Map<String, List<String>> mapping() {
        return groupsByRole;
    }

    public boolean configured() {
        return groupsByRole.values().stream().anyMatch(list -> !list.isEmpty());
    }

    private static List<String> entries(Optional<String> setting) {
        List<String> entries = new ArrayList<>();
        setting.ifPresent(value -> {
            for (String entry : value.split(";")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        });
        return List.copyOf(entries);
    }

    static boolean matches(String entry, String group) {
        Optional<LdapName> groupDn = dn(group);
        if (entry.contains("=")) {
            Optional<LdapName> entryDn = dn(entry);
            return entryDn.isPresent() && groupDn.isPresent() && entryDn.get().equals(groupDn.get());
        }
        String name = groupDn.map(DirectoryRoles::commonName).orElse(group.strip());
        return entry.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    /** A group given as a distinguished name (an LDAP group); empty for a plain name or id. */
    private static Optional<LdapName> dn(String value) {
        if (!value.contains("=")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LdapName(value));
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** The value of the most specific part of the name: "risk-officers" for cn=risk-officers,ou=groups,... */
    private static String commonName(LdapName dn) {
        if (dn.size() == 0) {
            return "";
        }
        Rdn first = dn.getRdn(dn.size() - 1);
        return String.valueOf(first.getValue());
    }
}
