package org.opregister.risk;

public enum RiskStatus {
    ACTIVE, RETIRED
}
