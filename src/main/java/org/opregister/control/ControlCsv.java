package org.opregister.control;

import java.util.List;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.bool;
import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.raw;
import static org.opregister.web.CsvColumn.text;

/** The control library as CSV, with the references of each control's risks. Column codes are documented in README. */
final class ControlCsv {

    private ControlCsv() {
    }

    /** One row per control, with the references of its risks. */
    static List<CsvColumn<Control>> controls(ControlRisks.Source risks) {
        return List.of(
                text("reference", c -> c.reference),
                text("external_reference", c -> c.externalReference),
                text("title", c -> c.title),
                code("control_type", c -> c.type),
                code("nature", c -> c.nature),
                code("frequency", c -> c.frequency),
                text("owner", c -> c.owner),
                code("design_effectiveness", c -> c.designEffectiveness),
                code("operating_effectiveness", c -> c.operatingEffectiveness),
                bool("key_control", c -> c.keyControl),
                raw("risks", c -> String.join(";", risks.referencesOf(c))),
                text("description", c -> c.description),
                instant("updated_at", c -> c.updatedAt),
                text("updated_by", c -> c.updatedBy));
    }
}
