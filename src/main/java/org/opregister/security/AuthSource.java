package org.opregister.security;

/**
 * Where an account's sign-in is checked: the password kept here, the bank's LDAP directory, or its OpenID Connect
 * provider.
 */
public enum AuthSource {

    LOCAL, LDAP, OIDC;

    /** For the audit trail: how a sign-in was checked. */
    public String method() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
