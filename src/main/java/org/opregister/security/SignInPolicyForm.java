package org.opregister.security;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;

/** Who may sign in with a local password: everyone, or administrators only (the break-glass accounts). */
public class SignInPolicyForm {

    public static final String EVERYONE = "everyone";
    public static final String ADMINISTRATORS = "administrators";

    @RestForm
    public String local;

    @RestForm
    public String version;

    public record PolicyChange(boolean localForEveryone, long version) {
    }

    public static SignInPolicyForm of(SignInPolicy policy) {
        SignInPolicyForm form = new SignInPolicyForm();
        form.local = policy.localForEveryone ? EVERYONE : ADMINISTRATORS;
        form.version = String.valueOf(policy.version);
        return form;
    }

    public PolicyChange parse() {
        FieldErrors errors = new FieldErrors();
        if (!EVERYONE.equals(local) && !ADMINISTRATORS.equals(local)) {
            errors.add("local", local == null ? "error.required" : "error.choice");
        }
        Edits.failIfAny(errors);
        return new PolicyChange(EVERYONE.equals(local), Edits.version(version));
    }
}
