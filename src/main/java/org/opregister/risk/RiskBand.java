package org.opregister.risk;

import io.quarkus.qute.TemplateEnum;

/** Score bands of the 5×5 matrix: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical. */
@TemplateEnum
public enum RiskBand {

    LOW(1), MEDIUM(5), HIGH(10), CRITICAL(15);

    public final int from;

    RiskBand(int from) {
        this.from = from;
    }

    public static RiskBand of(int score) {
        if (score < 1 || score > 25) {
            throw new IllegalArgumentException("score out of 1-25: " + score);
        }
        RiskBand band = LOW;
        for (RiskBand candidate : values()) {
            if (score >= candidate.from) {
                band = candidate;
            }
        }
        return band;
    }
}
