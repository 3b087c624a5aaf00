package org.opregister.risk;

import java.util.List;

import org.opregister.security.Role;
import org.opregister.security.User;
import org.opregister.web.FormInput;

/** Who may answer a self-assessment: enabled users who record business data (officers and managers). */
public final class Assessors {

    private Assessors() {
    }

    public static List<User> all() {
        return User.<User>list("enabled = true order by displayName, username").stream()
                .filter(Assessors::eligible).toList();
    }

    static boolean eligible(User user) {
        return user.enabled && (user.hasRole(Role.OFFICER) || user.hasRole(Role.MANAGER));
    }

    static boolean eligible(String username) {
        return username != null && User.findByUsername(username).filter(Assessors::eligible).isPresent();
    }

    /** The username typed for an assessor, or null: blank is none when optional; anyone else is an error. */
    static String check(FormInput input, String field, String value, boolean required) {
        String username = FormInput.trimmed(value);
        if (username == null) {
            if (required) {
                input.errors().add(field, "error.required");
            }
            return null;
        }
        if (!eligible(username)) {
            input.errors().add(field, "error.noSuchAssessor");
            return null;
        }
        return username;
    }

    static String check(FormInput input, String field, String value) {
        return check(input, field, value, false);
    }
}
