package org.opregister.control;

/** Design or operating effectiveness of a control; "not in place" is a control that is missing. */
public enum Effectiveness {
    EFFECTIVE, PARTIALLY_EFFECTIVE, INEFFECTIVE, NOT_IN_PLACE, NOT_TESTED
}
