package org.opregister.security;

import java.util.Set;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is signed in, and what the pages may offer them. Templates read it as {@code inject:user}. */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private String displayName;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** The user's name from the database; on an I/O thread (error pages for unknown paths) the username. */
    public String displayName() {
        if (displayName == null && !BlockingOperationControl.isBlockingAllowed()) {
            return username();
        }
        if (displayName == null) {
            displayName = identity.isAnonymous() ? ""
                    : User.findByUsername(username()).map(u -> u.displayName).orElse(username());
        }
        return displayName;
    }

    /** After an administrator's password reset, until the user has chosen a new password. */
    public boolean mustChangePassword() {
        return Boolean.TRUE.equals(identity.getAttribute(PasswordChangeGate.ATTRIBUTE));
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Officers and managers record and change business data; auditors and admins only read it. */
    public boolean canEdit() {
        return has(Role.OFFICER) || has(Role.MANAGER);
    }

    public boolean isManager() {
        return has(Role.MANAGER);
    }
}
