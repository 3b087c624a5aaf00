package org.opregister.security;

import java.util.ArrayList;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

/** The user administration form as typed. */
public class UserForm {

    @RestForm
    public String username;
    @RestForm
    public String displayName;
    @RestForm
    public String email;
    @RestForm
    public List<String> roles = new ArrayList<>();
    @RestForm
    public String password;
    @RestForm
    public String enabled;
    @RestForm
    public String version;

    public static UserForm blank() {
        UserForm form = new UserForm();
        form.enabled = "true";
        return form;
    }

    public static UserForm of(User user) {
        UserForm form = new UserForm();
        form.username = user.username;
        form.displayName = user.displayName;
        form.email = user.email;
        form.roles = List.copyOf(user.roleSet());
        form.enabled = user.enabled ? "true" : null;
        form.version = Long.toString(user.version);
        return form;
    }

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }

    public boolean enabledChecked() {
        return "true".equals(enabled) || "on".equals(enabled);
    }
}
