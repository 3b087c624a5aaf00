package org.opregister.ict;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import org.opregister.kri.KriMeasure;
import org.opregister.kri.KriSource;

/**
 * The computed KRI source {@code ICT_CONCENTRATION}: the share (%) of the active critical or important functions
 * supported by a single provider with no tested alternative on the day ({@link IctKri}).
 */
@ApplicationScoped
@Unremovable // looked up by kri.KriComputation through Instance<KriMeasure>
public class IctConcentrationMeasure implements KriMeasure {

    @Override
    public KriSource source() {
        return KriSource.ICT_CONCENTRATION;
    }

    @Override
    public BigDecimal valueOn(LocalDate day) {
        return IctKri.measure(IctContract.register(),
                BusinessService.active().stream().filter(s -> s.criticalOrImportant).toList(), day).share();
    }
}
