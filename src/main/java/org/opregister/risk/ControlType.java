package org.opregister.risk;

public enum ControlType {
    PREVENTIVE, DETECTIVE, CORRECTIVE
}
