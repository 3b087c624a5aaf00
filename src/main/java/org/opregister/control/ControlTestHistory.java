package org.opregister.control;

import java.time.LocalDate;
import java.util.List;

/**
 * A control's tests as its page lists them, latest period first. The control-testing module keeps them and supplies
 * them through this interface, so that this one need not know it.
 */
public interface ControlTestHistory {

    /** One test: its reference, period, tester, status and, once concluded, its result. */
    record Line(long id, String reference, LocalDate periodStart, LocalDate periodEnd, String tester, Enum<?> status,
            Enum<?> result) {
    }

    List<Line> of(Control control);
}
