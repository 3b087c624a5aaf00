package org.opregister.risk;

public enum ControlNature {
    MANUAL, AUTOMATED, SEMI_AUTOMATED
}
