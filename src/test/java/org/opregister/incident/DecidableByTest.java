package org.opregister.incident;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The incident's four-eyes rule on its own, without a database: who may decide on a review. */
class DecidableByTest {

    private static Incident incident(IncidentStatus status, String submittedBy) {
        Incident incident = new Incident();
        incident.status = status;
        incident.review.submittedBy = submittedBy;
        return incident;
    }

    @Test
    void underReviewAnyoneButTheSubmitterDecides() {
        Incident incident = incident(IncidentStatus.UNDER_REVIEW, "officer");
        assertFalse(incident.decidableBy("officer"));
        assertTrue(incident.decidableBy("manager"));
    }

    @Test
    void underReviewWithoutSubmitterAnyoneDecides() {
        assertTrue(incident(IncidentStatus.UNDER_REVIEW, null).decidableBy("manager"));
    }

    @Test
    void nothingToDecideOutsideReview() {
        for (IncidentStatus status : IncidentStatus.values()) {
            if (status != IncidentStatus.UNDER_REVIEW) {
                assertFalse(incident(status, "officer").decidableBy("manager"), status.name());
            }
        }
    }
}
