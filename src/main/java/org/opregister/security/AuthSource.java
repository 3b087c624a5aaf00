package org.opregister.security;

/** Where an account's sign-in is checked: the password kept here, or the bank's directory. */
public enum AuthSource {

    LOCAL, LDAP;

    /** For the audit trail: how a sign-in was checked. */
    public String method() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
