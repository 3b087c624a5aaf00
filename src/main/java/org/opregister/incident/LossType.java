package org.opregister.incident;

/** Kinds of loss-ledger line. Net loss = gross losses minus recoveries; provisions are shown apart. */
public enum LossType {

    GROSS_LOSS(1), INSURANCE_RECOVERY(-1), OTHER_RECOVERY(-1), PROVISION(0);

    /** +1 adds to net loss, -1 reduces it, 0 does not count in it. */
    public final int netSign;

    LossType(int netSign) {
        this.netSign = netSign;
    }

    public boolean isRecovery() {
        return netSign < 0;
    }
}
