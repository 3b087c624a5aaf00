package org.opregister.core;

/** Role names as used in {@code @RolesAllowed} and stored on users. */
public final class Role {

    public static final String OFFICER = "officer";
    public static final String MANAGER = "manager";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public static final String[] ALL = {OFFICER, MANAGER, AUDITOR, ADMIN};

    private Role() {
    }
}
