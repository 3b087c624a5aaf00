package org.opregister.risk;

import static org.opregister.web.CsvOutput.bool;
import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

import java.io.OutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

/** Risk register and control library as CSV, with their links. Column codes are documented in README. */
final class RiskCsv {

    static final String[] RISK_COLUMNS = {"reference", "title", "status", "event_category", "business_line", "org_unit",
        "owner", "assessor", "inherent_likelihood", "inherent_impact", "inherent_score", "inherent_band", "residual_likelihood",
        "residual_impact", "residual_score", "residual_band", "residual_comment", "appetite", "controls", "description",
        "updated_at", "updated_by"};

    static final String[] CONTROL_COLUMNS = {"reference", "title", "control_type", "nature", "frequency", "owner",
        "design_effectiveness", "operating_effectiveness", "key_control", "risks", "description", "updated_at", "updated_by"};

    private RiskCsv() {
    }

    static long writeRisks(Stream<Risk> risks, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<Risk> rows = risks; CsvOutput csv = new CsvOutput(out, RISK_COLUMNS)) {
            rows.forEach(r -> {
                csv.row(text(r.reference), text(r.title), code(r.status), code(r.eventCategory), code(r.businessLine),
                        text(r.orgUnit), text(r.owner), text(r.assessor), Integer.toString(r.inherentLikelihood), Integer.toString(r.inherentImpact),
                        Integer.toString(r.inherentScore), code(r.inherent().band()), Integer.toString(r.residualLikelihood),
                        Integer.toString(r.residualImpact), Integer.toString(r.residualScore), code(r.residual().band()),
                        text(r.residualComment), text(r.appetite),
                        r.controls().stream().map(c -> c.reference).collect(Collectors.joining(";")),
                        text(r.description), instant(r.updatedAt), text(r.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }

    static long writeControls(Stream<Control> controls, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<Control> rows = controls; CsvOutput csv = new CsvOutput(out, CONTROL_COLUMNS)) {
            rows.forEach(c -> {
                csv.row(text(c.reference), text(c.title), code(c.type), code(c.nature), code(c.frequency), text(c.owner),
                        code(c.designEffectiveness), code(c.operatingEffectiveness), bool(c.keyControl),
                        c.risks().stream().map(r -> r.reference).collect(Collectors.joining(";")),
                        text(c.description), instant(c.updatedAt), text(c.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }
}
