package org.opregister.incident;

/** Which side of the regulatory data set's collection rule ({@link DataSetRule}) the register shows. */
public enum DataSetScope {
    IN, OUT
}
