package org.opregister.ict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opregister.core.AppClock;

/**
 * The concentration indicator of the register: the share of the bank's critical or important functions that rest on
 * a single ICT provider with no tested alternative.
 * <ul>
 * <li>Functions counted (denominator): the active services marked critical or important.</li>
 * <li>A function is concentrated (numerator) when the contracts in force on the day (started, not ended) that
 * support it are all with one provider, and none of those contracts has an exit plan that was tested.</li>
 * <li>Share = concentrated / counted × 100, two decimals (half up); 0 when no function is counted.</li>
 * </ul>
 * A critical function no contract in force supports is counted in the denominator only.
 */
public final class IctKri {

    private IctKri() {
    }

    /** The figure and the concentrated functions (by code) behind it. */
    public record Figure(int concentrated, int counted, BigDecimal share, List<BusinessService> functions) {
    }

    /** The figure today, from the given contracts and the active critical or important services. */
    public static Figure measure(List<IctContract> contracts) {
        return measure(contracts,
                BusinessService.active().stream().filter(s -> s.criticalOrImportant).toList(), AppClock.today());
    }

    /** The figure on a day: pure, for the given contracts and critical or important services. */
    public static Figure measure(List<IctContract> contracts, List<BusinessService> critical, LocalDate day) {
        List<BusinessService> concentrated = new ArrayList<>();
        for (BusinessService function : critical) {
            Set<Object> providers = new HashSet<>();
            boolean tested = false;
            for (IctContract contract : contracts) {
                if (!inForce(contract, day) || contract.services.stream().noneMatch(s -> same(s, function))) {
                    continue;
                }
                providers.add(contract.provider.id != null ? contract.provider.id : contract.provider);
                tested |= contract.exitPlanTested() && !contract.exitPlanTestedOn.isAfter(day);
            }
            if (providers.size() == 1 && !tested) {
                concentrated.add(function);
            }
        }
        concentrated.sort(Comparator.comparing(s -> s.code));
        BigDecimal share = critical.isEmpty()
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(concentrated.size() * 100L).divide(BigDecimal.valueOf(critical.size()), 2,
                        RoundingMode.HALF_UP);
        return new Figure(concentrated.size(), critical.size(), share, List.copyOf(concentrated));
    }

    static boolean inForce(IctContract contract, LocalDate day) {
        return !contract.startDate.isAfter(day) && (contract.endDate == null || !contract.endDate.isBefore(day));
    }

    private static boolean same(BusinessService a, BusinessService b) {
        return a == b || a.id != null && a.id.equals(b.id) || a.code != null && a.code.equals(b.code);
    }
}
