package org.opregister.control;

public enum ControlFrequency {
    CONTINUOUS, DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, EVENT_DRIVEN
}
