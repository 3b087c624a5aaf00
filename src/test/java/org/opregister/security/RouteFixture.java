package org.opregister.security;

import java.io.IOException;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opregister.TestSupport;
import org.opregister.incident.IncidentFixtures;
import org.opregister.incident.LossEntry;

/** Records that the route tests aim at, and the discovered routes with their ids filled in. */
final class RouteFixture {

    final long incidentId;
    final long lossId;
    final long userId;
    final long riskId;
    final long controlId;
    final long campaignId;
    final long taskId;
    final long kriId;
    final long kriValueId;
    final long actionId;
    final long actionSourceId;
    final long extensionId;
    final long testId;
    final long fileId;
    final long attestationId;
    final long itemId;
    final long providerId;
    final long contractId;
    final long providerLinkId;
    final long serviceId;
    final long incidentAttachmentId;
    final long actionAttachmentId;
    final List<Routes.Route> routes;

    RouteFixture() throws IOException {
        var officer = TestSupport.session("officer");
        incidentId = IncidentFixtures.record(officer, "Route target");
        IncidentFixtures.addLoss(officer, incidentId,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "10", "EUR", "1", "2025-03-31"));
        lossId = QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.<LossEntry>find("incident.id", incidentId).firstResult().id);
        userId = UserAdminTest.createUser("route.target." + System.nanoTime() % 100000, "officer");
        riskId = org.opregister.risk.RiskFixtures.risk(officer, "Route target risk");
        controlId = org.opregister.risk.RiskFixtures.control(officer, "Route target control");
        org.opregister.risk.RiskFixtures.link(officer, riskId, controlId);
        campaignId = org.opregister.rcsa.AssessmentFixtures.openForRisks(TestSupport.session("manager"), "Route target",
                riskId);
        taskId = org.opregister.rcsa.AssessmentFixtures.taskOf(campaignId, riskId);
        kriId = org.opregister.kri.KriFixtures.define(officer, "Route target KRI");
        org.opregister.kri.KriFixtures.record(officer, kriId, "2024-01", "10").then().statusCode(303);
        kriValueId = org.opregister.kri.KriFixtures.value(kriId, "2024-01").id;
        actionId = org.opregister.action.ActionFixtures.start(officer, org.opregister.action.ActionFixtures.form(
                "Route target plan", "officer", java.time.LocalDate.now().plusDays(30).toString(), "RISK",
                Long.toString(riskId)));
        org.opregister.action.ActionFixtures.post(officer, actionId, "/extensions",
                java.util.Map.of("newDueDate", java.time.LocalDate.now().plusDays(60).toString(), "reason",
                        "Route target"))
                .then().statusCode(303);
        testId = org.opregister.controltest.ControlTestFixtures.plan(officer, controlId, "officer");
        org.opregister.controltest.ControlTestFixtures.upload(officer, testId, "route.pdf",
                org.opregister.controltest.ControlTestFixtures.PDF).then().statusCode(303);
        fileId = QuarkusTransaction.requiringNew().call(
                () -> org.opregister.controltest.EvidenceFile.<org.opregister.controltest.EvidenceFile>find("test.id",
                        testId).firstResult().id);
        String launched = TestSupport.session("manager").post("/attestations/new", "/attestations", java.util.Map.of(
                "title", "Route target round", "periodStart", "2026-01-01", "periodEnd", "2026-12-31",
                "dueDate", java.time.LocalDate.now().plusDays(10).toString(), "controls", java.util.List.of(controlId)))
                .then().statusCode(303).extract().header("Location");
        attestationId = Long.parseLong(launched.substring(launched.lastIndexOf('/') + 1));
        itemId = QuarkusTransaction.requiringNew().call(
                () -> org.opregister.controltest.Attestation.<org.opregister.controltest.Attestation>find("campaign.id",
                        attestationId).firstResult().id);
        actionSourceId = QuarkusTransaction.requiringNew().call(
                () -> org.opregister.action.ActionSource.<org.opregister.action.ActionSource>find("action.id", actionId)
                        .firstResult().id);
        extensionId = QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.action.ActionExtension.<org.opregister.action.ActionExtension>find(
                        "action.id", actionId)
                        .firstResult().id);
        org.opregister.ict.IctFixtures.Register ict = org.opregister.ict.IctFixtures.register(incidentId);
        providerId = ict.providerId();
        contractId = ict.contractId();
        providerLinkId = ict.linkId();
        serviceId = ict.serviceId();
        incidentAttachmentId = attach(officer, "/incidents/" + incidentId, "Incident", incidentId);
        actionAttachmentId = attach(officer, "/actions/" + actionId, "ActionPlan", actionId);
        routes = Routes.discover((template, name) -> switch (name) {
            case "id" -> template.startsWith("/ict-providers")
                    ? Long.toString(providerId)
                    : template.startsWith("/services")
                            ? Long.toString(serviceId)
                            : template.startsWith("/legal-entities")
                                    ? "0"
                                    : template.startsWith("/admin/users")
                                            ? Long.toString(userId)
                                            : template.startsWith("/risks") || template.startsWith("/api/risks")
                                                    ? Long.toString(riskId)
                                                    : template.startsWith("/controls")
                                                            || template.startsWith("/api/controls")
                                                                    ? Long.toString(controlId)
                                                                    : template.startsWith("/assessments")
                                                                            ? Long.toString(campaignId)
                                                                            : template.startsWith("/kris")
                                                                                    || template.startsWith("/api/kris")
                                                                                            ? Long.toString(kriId)
                                                                                            : template.startsWith(
                                                                                                    "/actions")
                                                                                                    || template
                                                                                                            .startsWith(
                                                                                                                    "/api/actions")
                                                                                                                            ? Long.toString(
                                                                                                                                    actionId)
                                                                                                                            : template
                                                                                                                                    .startsWith(
                                                                                                                                            "/control-tests")
                                                                                                                                    || template
                                                                                                                                            .startsWith(
                                                                                                                                                    "/api/control-tests")
                                                                                                                                                            ? Long.toString(
                                                                                                                                                                    testId)
                                                                                                                                                            : template
                                                                                                                                                                    .startsWith(
                                                                                                                                                                            "/attestations")
                                                                                                                                                                    || template
                                                                                                                                                                            .startsWith(
                                                                                                                                                                                    "/api/attestations")
                                                                                                                                                                                            ? Long.toString(
                                                                                                                                                                                                    attestationId)
                                                                                                                                                                                            : Long.toString(
                                                                                                                                                                                                    incidentId);
            case "riskId" -> Long.toString(riskId);
            case "incidentId" -> Long.toString(incidentId);
            case "controlId" -> Long.toString(controlId);
            case "lossId" -> Long.toString(lossId);
            case "taskId" -> Long.toString(taskId);
            case "valueId" -> Long.toString(kriValueId);
            case "sourceId" -> Long.toString(actionSourceId);
            case "extensionId" -> Long.toString(extensionId);
            case "fileId" -> Long.toString(fileId);
            case "itemId" -> Long.toString(itemId);
            case "contractId" -> Long.toString(contractId);
            case "linkId" -> Long.toString(providerLinkId);
            case "ref" -> "NO-SUCH-REFERENCE";
            case "attachmentId" -> Long.toString(template.startsWith("/actions")
                    ? actionAttachmentId
                    : incidentAttachmentId);
            case "transition" -> "open";
            case "year" -> "2024";
            case "row" -> "0910";
            case "column" -> "0080";
            default -> null;
        });
    }

    /** Attaches a PDF to the record through its page and returns the attachment's id. */
    private static long attach(TestSupport.Session session, String recordPath, String type, long recordId) {
        TestSupport.Csrf csrf = session.csrf("/account/password");
        session.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", "route.pdf", org.opregister.controltest.ControlTestFixtures.PDF,
                        "application/pdf")
                .post(recordPath + "/attachments").then().statusCode(303);
        return QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.attachment.Attachment.<org.opregister.attachment.Attachment>find(
                        "recordType = ?1 and recordId = ?2", type, recordId)
                        .firstResult().id);
    }
}
