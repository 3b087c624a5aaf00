package org.opregister.ict;

/**
 * Substitutability of the ICT third-party service provider, as the register of information grades it (ITS 2024/2956,
 * template B_07.01, column c0050).
 */
public enum Substitutability {

    NOT_SUBSTITUTABLE, HIGHLY_COMPLEX, MEDIUM_COMPLEXITY, EASILY_SUBSTITUTABLE;

    /** Whether another provider can take the service over (medium complexity or easily). */
    public boolean alternative() {
        return this == MEDIUM_COMPLEXITY || this == EASILY_SUBSTITUTABLE;
    }
}
