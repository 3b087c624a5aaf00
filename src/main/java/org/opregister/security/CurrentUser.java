package org.opregister.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

import org.opregister.core.Role;

/** Who is signed in, and what the pages may offer them. Templates read it as {@code inject:user}. */
@Named("user")
@RequestScoped
public class CurrentUser {

    /** The identity's attribute holding the user's name, read with the account when the session was checked. */
    static final String DISPLAY_NAME = "oprisk.displayName";

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routingContext;

    private String displayName;

    /**
     * On a worker thread the request's identity. Error pages can be rendered on the I/O thread, also when
     * authentication failed or has not run (a sign-in refused, a database that is down): there only an identity
     * that authentication already established counts, since waiting for one would block the thread.
     */
    private SecurityIdentity identity() {
        if (BlockingOperationControl.isBlockingAllowed()) {
            return identity;
        }
        return routingContext.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    public boolean signedIn() {
        SecurityIdentity known = identity();
        return known != null && !known.isAnonymous();
    }

    public String username() {
        return signedIn() ? identity().getPrincipal().getName() : "";
    }

    /**
     * The user's name as read with the account when the session was checked (else from the database); on an I/O
     * thread (error pages for unknown paths) the username.
     */
    public String displayName() {
        SecurityIdentity known = identity();
        if (displayName == null && known != null && known.getAttribute(DISPLAY_NAME) instanceof String name) {
            displayName = name;
        }
        if (displayName == null && !BlockingOperationControl.isBlockingAllowed()) {
            return username();
        }
        if (displayName == null) {
            displayName = !signedIn()
                    ? ""
                    : User.findByUsername(username()).map(u -> u.displayName).orElse(username());
        }
        return displayName;
    }

    /** After an administrator's password reset, until the user has chosen a new password. */
    public boolean mustChangePassword() {
        return Boolean.TRUE.equals(identity.getAttribute(PasswordChangeGate.ATTRIBUTE));
    }

    public Set<String> roles() {
        return signedIn() ? identity().getRoles() : Set.of();
    }

    public boolean has(String role) {
        return signedIn() && identity().hasRole(role);
    }

    /** Officers and managers record and change business data; auditors and admins only read it. */
    public boolean canEdit() {
        return has(Role.OFFICER) || has(Role.MANAGER);
    }

    public boolean isManager() {
        return has(Role.MANAGER);
    }
}
