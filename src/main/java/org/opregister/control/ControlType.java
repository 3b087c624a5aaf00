package org.opregister.control;

public enum ControlType {
    PREVENTIVE, DETECTIVE, CORRECTIVE
}
