package org.opregister.incident;

/**
 * Fired inside the transaction of every change to incidents or their loss lines, so that figures derived from the
 * register (computed KRIs) follow it in the same commit.
 */
public record RegisterChanged(long incidentId) {
}
