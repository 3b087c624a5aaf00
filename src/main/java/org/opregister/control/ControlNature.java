package org.opregister.control;

public enum ControlNature {
    MANUAL, AUTOMATED, SEMI_AUTOMATED
}
