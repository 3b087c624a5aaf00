package org.opregister.incident;

/**
 * Whether a recovery has been paid. OPE25: recoveries reduce the loss "only after the bank receives payment";
 * receivables do not count. An expected recovery is shown apart and never reduces the loss.
 */
public enum RecoveryStatus {
    EXPECTED, RECEIVED
}
