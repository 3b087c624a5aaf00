package org.opregister.ict;

/**
 * Type of person of an ICT third-party service provider (ITS 2024/2956, template B_05.01, column c0070): a legal
 * person (other than an individual acting in a business capacity), or an individual acting in a business capacity.
 */
public enum PersonType {

    LEGAL_PERSON, INDIVIDUAL
}
