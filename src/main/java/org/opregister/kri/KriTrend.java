package org.opregister.kri;

import java.util.List;
import java.util.Map;

/**
 * A KRI with its latest value, the move from the value before (read in the KRI's direction) and the values it misses:
 * with one missing past its due date, the latest colour no longer tells where the KRI stands.
 */
public record KriTrend(Kri kri, KriValue latest, KriValue previous, ValuesDue due) {

    public static KriTrend of(Kri kri) {
        return of(List.of(kri)).get(0);
    }

    /** The trends of these KRIs, in their order, read in two queries whatever their number. */
    public static List<KriTrend> of(List<Kri> kris) {
        Map<Long, List<KriValue>> latest = KriValue.latestOf(kris, 2);
        Map<Long, ValuesDue> due = ValuesDue.of(kris);
        return kris.stream().map(kri -> {
            List<KriValue> values = latest.getOrDefault(kri.id, List.of());
            return new KriTrend(kri, values.isEmpty() ? null : values.get(0), values.size() < 2 ? null : values.get(1),
                    due.get(kri.id));
        }).toList();
    }

    /** +1 rising, -1 falling, 0 level; null without two values. */
    public Integer move() {
        return latest == null || previous == null ? null : Integer.signum(latest.value.compareTo(previous.value));
    }

    /** "up", "down" or "level", for the arrow; null without two values. */
    public String arrow() {
        Integer move = move();
        return move == null ? null : move > 0 ? "up" : move < 0 ? "down" : "level";
    }

    /** "better", "worse" or "level" given the direction; null without two values. */
    public String meaning() {
        Integer move = move();
        if (move == null) {
            return null;
        }
        if (move == 0) {
            return "level";
        }
        boolean rising = move > 0;
        return rising == (kri.direction == KriDirection.HIGHER_IS_BETTER) ? "better" : "worse";
    }
}
