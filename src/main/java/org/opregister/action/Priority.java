package org.opregister.action;

public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL
}
