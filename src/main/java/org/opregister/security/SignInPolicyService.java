package org.opregister.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;

/** The administrator's switch for local sign-in; the change is audited like any record's. */
@ApplicationScoped
public class SignInPolicyService {

    @Inject
    LdapDirectory ldap;

    @Inject
    OidcProvider provider;

    @Transactional
    public SignInPolicy change(SignInPolicyForm.PolicyChange change) {
        return Edits.guarded(() -> {
            SignInPolicy policy = SignInPolicy.current();
            if (!change.localForEveryone() && !ldap.enabled() && !provider.enabled()) {
                // Everyone but the administrators would be locked out: there is no other way in.
                Edits.failIfAny(new FieldErrors().add("local", "error.localOffWithoutDirectory"));
            }
            Edits.requireVersion(change.version(), policy.version);
            policy.localForEveryone = change.localForEveryone();
            return policy;
        });
    }
}
