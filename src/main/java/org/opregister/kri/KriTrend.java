package org.opregister.kri;

import java.util.List;

/**
 * A KRI with its latest value, the move from the value before (read in the KRI's direction) and the values it misses:
 * with one missing past its due date, the latest colour no longer tells where the KRI stands.
 */
public record KriTrend(Kri kri, KriValue latest, KriValue previous, ValuesDue due) {

    public static KriTrend of(Kri kri) {
        List<KriValue> latest = kri.latest();
        return new KriTrend(kri, latest.isEmpty() ? null : latest.get(0), latest.size() < 2 ? null : latest.get(1),
                ValuesDue.of(kri));
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
