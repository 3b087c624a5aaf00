package org.opregister.incident;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
