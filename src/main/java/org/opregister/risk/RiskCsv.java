package org.opregister.risk;

import java.util.List;
import java.util.stream.Collectors;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.raw;
import static org.opregister.web.CsvColumn.text;

/** The risk register as CSV, with the references of each risk's controls. Column codes are documented in README. */
final class RiskCsv {

    private RiskCsv() {
    }

    /** One row per risk, with the references of its controls. */
    static final List<CsvColumn<Risk>> RISKS = List.of(
            text("reference", r -> r.reference),
            text("external_reference", r -> r.externalReference),
            text("title", r -> r.title),
            code("status", r -> r.status),
            code("event_category", r -> r.eventCategory),
            code("business_line", r -> r.businessLine),
            text("org_unit", r -> r.orgUnit),
            text("owner", r -> r.owner),
            text("assessor", r -> r.assessor),
            number("inherent_likelihood", r -> r.inherentLikelihood),
            number("inherent_impact", r -> r.inherentImpact),
            number("inherent_score", r -> r.inherentScore),
            code("inherent_band", r -> r.inherent().band()),
            number("residual_likelihood", r -> r.residualLikelihood),
            number("residual_impact", r -> r.residualImpact),
            number("residual_score", r -> r.residualScore),
            code("residual_band", r -> r.residual().band()),
            text("residual_comment", r -> r.residualComment),
            text("appetite", r -> r.appetite),
            raw("controls", r -> r.controls().stream().map(c -> c.reference).collect(Collectors.joining(";"))),
            text("description", r -> r.description),
            instant("updated_at", r -> r.updatedAt),
            text("updated_by", r -> r.updatedBy));
}
