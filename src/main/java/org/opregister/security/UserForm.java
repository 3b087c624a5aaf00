package org.opregister.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

/** The user administration form as typed. */
public class UserForm {

    public String username;
    public String displayName;
    public String email;
    public List<String> roles = new ArrayList<>();
    public String password;
    public String enabled;
    public String version;

    public static UserForm from(MultivaluedMap<String, String> posted) {
        UserForm form = new UserForm();
        form.username = posted.getFirst("username");
        form.displayName = posted.getFirst("displayName");
        form.email = posted.getFirst("email");
        form.roles = posted.getOrDefault("roles", List.of());
        form.password = posted.getFirst("password");
        form.enabled = posted.getFirst("enabled");
        form.version = posted.getFirst("version");
        return form;
    }

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
