package org.opregister.risk;

/** Likelihood × impact on the 1–5 scales; the score is their product (1–25). */
public record Rating(int likelihood, int impact) {

    public Rating {
        if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5) {
            throw new IllegalArgumentException("likelihood and impact are 1-5");
        }
    }

    public int score() {
        return likelihood * impact;
    }

    public RiskBand band() {
        return RiskBand.of(score());
    }
}
