package org.opregister.risk;

import java.util.EnumMap;
import java.util.Map;

import org.opregister.control.Control;

/** Dashboard figures of the risk register: active risks per residual band, key controls not working. */
public record RiskSummary(Map<RiskBand, Long> byResidualBand, long activeRisks, long weakKeyControls) {

    public long count(RiskBand band) {
        return byResidualBand.getOrDefault(band, 0L);
    }

    public static RiskSummary compute() {
        Map<RiskBand, Long> byBand = new EnumMap<>(RiskBand.class);
        Risk.getEntityManager().createQuery("select r.residualScore, count(r) from Risk r where r.status = :status"
                + " group by r.residualScore", Object[].class).setParameter("status", RiskStatus.ACTIVE).getResultList()
                .forEach(row -> byBand.merge(RiskBand.of(((Number) row[0]).intValue()), ((Number) row[1]).longValue(),
                        Long::sum));
        long active = byBand.values().stream().mapToLong(Long::longValue).sum();
        return new RiskSummary(byBand, active, Control.weakKeyControls());
    }
}
