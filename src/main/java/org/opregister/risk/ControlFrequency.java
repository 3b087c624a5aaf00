package org.opregister.risk;

public enum ControlFrequency {
    CONTINUOUS, DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, EVENT_DRIVEN
}
