package org.opregister.security;

import java.util.List;

import org.opregister.core.FormInput;
import org.opregister.core.Role;

/** Users who do the work: enabled officers and managers (assessors, action-plan owners). */
public final class Staff {

    private Staff() {
    }

    public static List<User> all() {
        return User.<User>list("enabled = true order by displayName, username").stream()
                .filter(Staff::eligible).toList();
    }

    public static boolean eligible(User user) {
        return user.enabled && (user.hasRole(Role.OFFICER) || user.hasRole(Role.MANAGER));
    }

    public static boolean eligible(String username) {
        return username != null && User.findByUsername(username).filter(Staff::eligible).isPresent();
    }

    /** The username typed for an assessor, or null: blank is none when optional; anyone else is an error. */
    public static String check(FormInput input, String field, String value, boolean required) {
        if (FormInput.blank(value)) {
            if (required) {
                input.errors().add(field, "error.required");
            }
            return null;
        }
        String username = input.text(field, value, required, 64);
        if (username == null) {
            return null;
        }
        if (!eligible(username)) {
            input.errors().add(field, "error.noSuchAssessor");
            return null;
        }
        return username;
    }

    public static String check(FormInput input, String field, String value) {
        return check(input, field, value, false);
    }
}
