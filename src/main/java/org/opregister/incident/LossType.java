package org.opregister.incident;

import java.math.BigDecimal;

/**
 * Kinds of loss-ledger line, as BIS OPE25 and CRR Art. 317–318 describe a loss event's amounts. Gross loss (before
 * any recovery) takes direct charges, external expenses, provisions or reserves, pending losses and timing losses;
 * a released provision comes off it again and a provision used to pay leaves it unchanged (the payment was counted
 * when the provision was set up). Recoveries reduce the loss only once received; net loss = gross loss − recoveries
 * received.
 */
public enum LossType {

    /** Write-downs, impairments, settlements and other direct charges to the P&L (OPE25 gross loss item a). */
    DIRECT_CHARGE(1),
    /** Legal fees, advisers, repair or replacement paid to third parties because of the event (item b). */
    EXTERNAL_EXPENSE(1),
    /** A provision or reserve booked in the P&L against the loss; for legal events, when it is set up (item c). */
    PROVISION(1),
    /** The part of a provision no longer needed, released to the P&L: it comes off gross loss. */
    PROVISION_RELEASE(-1),
    /** A payment made out of a provision: recorded, not counted again. */
    PROVISION_UTILISATION(0),
    /** A loss still in suspense or transitory accounts, not yet in the P&L (item d). */
    PENDING_LOSS(1),
    /** A negative economic effect booked in this period for an event of earlier periods (item e). */
    TIMING_LOSS(1),
    /** Payment received, or expected, from an insurer. */
    INSURANCE_RECOVERY(0),
    /** Payment received, or expected, from any other third party (recall of funds, the perpetrator, a vendor). */
    OTHER_RECOVERY(0);

    /** +1 adds to gross loss, -1 comes off it, 0 leaves it unchanged. */
    public final int grossSign;

    LossType(int grossSign) {
        this.grossSign = grossSign;
    }

    public boolean isRecovery() {
        return this == INSURANCE_RECOVERY || this == OTHER_RECOVERY;
    }

    /** A line that reduces what is left of the provisions (a release or a use). */
    public boolean drawsOnProvision() {
        return this == PROVISION_RELEASE || this == PROVISION_UTILISATION;
    }

    /** What a line of this type and amount does to net loss: the ledger's own rule ({@link LedgerTotals}). */
    public BigDecimal netEffect(BigDecimal amount, RecoveryStatus status) {
        return LedgerTotals.NONE.plus(new LedgerTotals.Line(this, status, amount)).net();
    }
}
