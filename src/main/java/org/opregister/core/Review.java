package org.opregister.core;

/**
 * A reviewer's decision as posted (the version of the record they saw and their comment), and the four-eyes rule
 * every review shares: whoever did or asked for the work cannot decide on it.
 */
public record Review(long version, String comment) {

    /** The decision as typed; the comment is required when returning or refusing. Bad input fails the request. */
    public static Review read(String version, String commentField, String comment, boolean commentRequired,
            int maxLength) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        long expected = input.version("version", version);
        String text = input.text(commentField, comment, commentRequired, maxLength);
        Edits.failIfAny(errors);
        return new Review(expected, text);
    }

    /** Refuses the decision (with the module's own message) when the reviewer is one of the people behind the work. */
    public static void requireSecondPerson(String reviewer, String messageKey, String... parties) {
        for (String party : parties) {
            if (reviewer.equals(party)) {
                throw new RuleViolationException(messageKey);
            }
        }
    }
}
