package org.opregister.core;

/** A request the workflow does not allow now (e.g. four-eyes, a closed record); status 409 with a message key. */
public class RuleViolationException extends RuntimeException {

    private final String messageKey;

    public RuleViolationException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
