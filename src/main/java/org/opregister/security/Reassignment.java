package org.opregister.security;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** A manager's choice of another person for a piece of work, as posted: the version seen and who takes it over. */
public record Reassignment(long version, String assignee) {

    /** The choice as typed; the new assignee must be eligible staff. Bad input fails the request. */
    public static Reassignment read(String version, String assignee) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        long expected = input.version("version", version);
        String username = Staff.check(input, "assignee", assignee, true);
        Edits.failIfAny(errors);
        return new Reassignment(expected, username);
    }
}
