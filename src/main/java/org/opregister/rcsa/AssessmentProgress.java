package org.opregister.rcsa;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;

/** How many of a campaign's tasks stand at each status, and the share approved. */
public record AssessmentProgress(Map<AssessmentStatus, Long> counts, long total) {

    static AssessmentProgress of(AssessmentCampaign campaign) {
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery(
                        "select t.status, count(t) from AssessmentTask t where t.campaign = :campaign group by t.status",
                        Object[].class)
                .setParameter("campaign", campaign).getResultList();
        Map<AssessmentStatus, Long> counts = new EnumMap<>(AssessmentStatus.class);
        for (AssessmentStatus status : AssessmentStatus.values()) {
            counts.put(status, 0L);
        }
        long total = 0;
        for (Object[] row : rows) {
            long n = (Long) row[1];
            counts.put((AssessmentStatus) row[0], n);
            total += n;
        }
        return new AssessmentProgress(counts, total);
    }

    public long count(AssessmentStatus status) {
        return counts.get(status);
    }

    public long approved() {
        return count(AssessmentStatus.APPROVED);
    }

    public boolean complete() {
        return total > 0 && approved() == total;
    }

    /** Whole percent of tasks at the status, for the progress bar (0 when there are no tasks). */
    public long percent(AssessmentStatus status) {
        return total == 0 ? 0 : Math.round(100.0 * count(status) / total);
    }

    public List<AssessmentStatus> statuses() {
        return List.of(AssessmentStatus.values());
    }
}
