package org.opregister.security;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.PartialResultException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import org.opregister.core.OpriskConfig;

/**
 * Checks a username and password against the bank's LDAP directory or Active Directory (settings
 * {@code oprisk.ldap.*}): the user's entry is looked up (with the service account, or anonymously), then a bind as
 * that entry with the password typed proves it; the groups come from the entry's group attribute ({@code memberOf})
 * and, where a group search base is set, from a search for the groups that list the entry as a member. A disabled
 * directory account cannot bind, so a leaver cannot sign in.
 */
@ApplicationScoped
public class LdapDirectory {

    private static final Logger LOG = Logger.getLogger(LdapDirectory.class);

    /** Why a sign-in against the directory did not succeed. */
    public enum Failure {
        /** No such user, several entries for the name, the wrong password, or a disabled account. */
        REJECTED,
        /**
         * The directory could not be reached, did not answer in time, refused the service account or the search:
         * not the user's fault.
         */
        UNAVAILABLE
    }

    /** Either the account or why not. */
    public record Result(DirectoryEntry account, Failure failure) {

        static Result rejected() {
            return new Result(null, Failure.REJECTED);
        }

        static Result unavailable() {
            return new Result(null, Failure.UNAVAILABLE);
        }
    }

    private final OpriskConfig.Ldap settings;

    @Inject
    LdapDirectory(OpriskConfig config) {
        this.settings = config.ldap();
    }

    public boolean enabled() {
        return settings.url().isPresent();
    }

    public OpriskConfig.Ldap settings() {
        return settings;
    }

    public Result authenticate(String username, String password) {
        // An empty password is an unauthenticated bind, which a directory accepts for any name (RFC 4513, 5.1.2).
        if (!enabled() || username.isEmpty() || password == null || password.isEmpty()) {
            return Result.rejected();
        }
        String filter = settings.userFilter().replace("{0}", escapeFilter(username));
        if (settings.bindDn().isPresent() && settings.bindPassword().isEmpty()) {
            // A name without a password is an unauthenticated bind: the look-up would run as no one.
            LOG.warn("oprisk.ldap.bind-dn is set without oprisk.ldap.bind-password: directory sign-in refused");
            return Result.unavailable();
        }
        DirContext lookup;
        try {
            lookup = connect(settings.bindDn().orElse(null), settings.bindPassword().orElse(null));
        } catch (NamingException e) {
            LOG.warnf("The directory could not be searched (%s: %s): check oprisk.ldap.url and the service account",
                    e.getClass().getSimpleName(), e.getMessage());
            return Result.unavailable();
        }
        try {
            SearchControls controls = new SearchControls();
            controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
            controls.setCountLimit(2);
            controls.setReturningAttributes(new String[]{settings.usernameAttribute(), settings.idAttribute(),
                    settings.displayNameAttribute(), "cn", settings.emailAttribute(), settings.groupAttribute()});
            List<SearchResult> found = new ArrayList<>();
            NamingEnumeration<SearchResult> results = lookup.search(settings.userSearchBase().orElse(""), filter,
                    controls);
            try {
                while (results.hasMore()) {
                    found.add(results.next());
                }
            } catch (SizeLimitExceededException e) {
                return Result.rejected();
            } catch (PartialResultException e) {
                // Continuation references (Active Directory's DomainDnsZones ... under a domain root), not followed.
            }
            if (found.size() != 1) {
                return Result.rejected();
            }
            SearchResult entry = found.get(0);
            String dn = entry.getNameInNamespace();
            if (!passwordProves(dn, password)) {
                return Result.rejected();
            }
            Attributes attributes = entry.getAttributes();
            Set<String> groups = new LinkedHashSet<>(values(attributes.get(settings.groupAttribute())));
            if (settings.groupSearchBase().isPresent()) {
                groups.addAll(groupsListing(lookup, dn));
            }
            String kept = keptName(values(attributes.get(settings.usernameAttribute())), username);
            if (kept == null || !kept.matches(UserService.USERNAME_PATTERN)) {
                LOG.warnf("A directory username does not fit the register's usernames (%s): refused",
                        UserService.USERNAME_PATTERN);
                return Result.rejected();
            }
            Optional<String> commonName = first(attributes.get("cn"));
            String displayName = first(attributes.get(settings.displayNameAttribute())).or(() -> commonName)
                    .orElse(kept);
            String email = first(attributes.get(settings.emailAttribute()))
                    .filter(mail -> mail.length() <= User.EMAIL_MAX).orElse(null);
            String id = entryId(attributes.get(settings.idAttribute()));
            return new Result(new DirectoryEntry(kept, id, cut(displayName, 200), email, List.copyOf(groups)), null);
        } catch (NamingException e) {
            // Not the user's doing (the password's answer is AuthenticationException, handled above): the directory
            // stopped answering, timed out, or refused the search. Not counted against the username.
            LOG.warnf("The directory failed during a sign-in (%s: %s)", e.getClass().getSimpleName(), e.getMessage());
            return Result.unavailable();
        } finally {
            close(lookup);
        }
    }

    /** A bind as the entry with the password typed: the directory's own check (and its lock-outs and disabling). */
    private boolean passwordProves(String dn, String password) throws NamingException {
        try {
            close(connect(dn, password));
            return true;
        } catch (AuthenticationException e) {
            return false;
        }
    }

    private List<String> groupsListing(DirContext context, String userDn) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[0]);
        String filter = settings.groupFilter().replace("{0}", escapeFilter(userDn));
        List<String> groups = new ArrayList<>();
        NamingEnumeration<SearchResult> results = context.search(settings.groupSearchBase().get(), filter,
                controls);
        try {
            while (results.hasMore()) {
                groups.add(results.next().getNameInNamespace());
            }
        } catch (PartialResultException e) {
            // continuation references, not followed
        }
        return groups;
    }

    private DirContext connect(String principal, String password) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, settings.url().orElseThrow());
        env.put(Context.REFERRAL, "ignore");
        env.put("java.naming.ldap.attributes.binary", "objectGUID");
        String millis = String.valueOf(settings.timeout().toMillis());
        env.put("com.sun.jndi.ldap.connect.timeout", millis);
        env.put("com.sun.jndi.ldap.read.timeout", millis);
        if (principal == null) {
            env.put(Context.SECURITY_AUTHENTICATION, "none");
        } else {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, principal);
            env.put(Context.SECURITY_CREDENTIALS, password == null ? "" : password);
        }
        return new InitialDirContext(env);
    }

    private static List<String> values(Attribute attribute) throws NamingException {
        List<String> values = new ArrayList<>();
        if (attribute != null) {
            NamingEnumeration<?> all = attribute.getAll();
            while (all.hasMore()) {
                values.add(String.valueOf(all.next()));
            }
        }
        return values;
    }

    /**
     * The username kept: of the attribute's values, the one typed (case aside), else its only value. A second value
     * an entry gave itself (uid is multi-valued) never names another person's account.
     */
    private static String keptName(List<String> values, String typed) {
        return values.stream().filter(typed::equalsIgnoreCase).findFirst()
                .orElse(values.size() == 1 ? values.get(0) : values.isEmpty() ? typed : null);
    }

    /** The entry's id as text: entryUUID as it is, a binary objectGUID in hexadecimal. */
    private static String entryId(Attribute attribute) throws NamingException {
        if (attribute == null || attribute.size() == 0) {
            return null;
        }
        Object value = attribute.get();
        if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        String text = String.valueOf(value);
        return text.length() <= 64 ? text : text.substring(0, 64);
    }

    private static Optional<String> first(Attribute attribute) throws NamingException {
        return values(attribute).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** RFC 4515, 3: the characters that would change a filter's meaning, escaped. */
    static String escapeFilter(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\5c");
                case '*' -> escaped.append("\\2a");
                case '(' -> escaped.append("\\28");
                case ')' -> escaped.append("\\29");
                case '\0' -> escaped.append("\\00");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static void close(DirContext context) {
        try {
            context.close();
        } catch (NamingException ignored) {
            // the connection is gone either way
        }
    }
}
