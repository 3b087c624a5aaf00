package org.opregister.kri;

/** Whether a rising value means more risk (losses, outages) or less (coverage, completion rates). */
public enum KriDirection {
    HIGHER_IS_WORSE, HIGHER_IS_BETTER
}
