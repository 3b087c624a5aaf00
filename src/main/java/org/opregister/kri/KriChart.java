package org.opregister.kri;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A KRI's values as the trend chart reads them: JSON arrays in data attributes (no inline script), each value with
 * the limits it was rated against, so the bands behind the line show the thresholds of each period.
 */
public record KriChart(String labels, String values, String greens, String reds, String direction) {

    static KriChart of(Kri kri, List<KriValue> values) {
        return new KriChart(
                values.stream().map(v -> "\"" + v.period() + "\"").collect(Collectors.joining(",", "[", "]")),
                numbers(values.stream().map(v -> v.value).toList()),
                numbers(values.stream().map(v -> v.greenLimit).toList()),
                numbers(values.stream().map(v -> v.redLimit).toList()),
                kri.direction.name());
    }

    private static String numbers(List<BigDecimal> numbers) {
        return numbers.stream().map(n -> n.stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(",", "[", "]"));
    }
}
