package org.opregister.controltest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.opregister.attachment.StoredFiles;
import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Review;
import org.opregister.core.Role;
import org.opregister.security.CurrentUser;
import org.opregister.security.Staff;
import org.opregister.security.User;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.QueryString;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/** Control tests in the browser: plan, execute with evidence, sign off or return, export. */
@Path("/control-tests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ControlTestResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<ControlTest> page, String q, String status, String result,
                FieldErrors errors, String pagerBase);

        static native TemplateInstance form(ControlTest test, ControlTestForm form, FieldErrors errors,
                List<Control> controls,
                List<User> testers);

        static native TemplateInstance show(ControlTest test, List<EvidenceFile> evidence, ControlTestForm form,
                FieldErrors errors, String problem, TestAccess access, Map<String, String> typed, String limits);

        static native TemplateInstance history(ControlTest test, List<AuditLine> entries);
    }

    /**
     * What the signed-in user may do with a test. Only the tester executes it and changes its evidence, while it is
     * planned; a manager who had no hand in it reviews it once submitted. {@code needsEvidence}: it cannot be
     * submitted or signed off without an evidence file.
     */
    public record TestAccess(boolean execute, boolean review, boolean evidence, boolean editPlan,
            boolean needsEvidence) {

        static TestAccess of(ControlTest test, CurrentUser user, boolean evidenceRequired) {
            String me = user.username();
            boolean planned = test.status == TestStatus.PLANNED;
            boolean tester = planned && me.equals(test.tester) && user.canEdit();
            return new TestAccess(tester,
                    user.isManager() && test.decidableBy(me),
                    tester, planned && user.canEdit(), evidenceRequired && test.status != TestStatus.SIGNED_OFF);
        }
    }

    @Inject
    ControlTestService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsvExport csvExport;

    @Inject
    StoredFiles files;

    @Inject
    XlsxExport xlsxExport;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("result") String result,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        ControlTestFilter filter = ControlTestFilter.parse(q, status, result, errors);
        PageResult<ControlTest> tests = ControlTest.search(filter, PageRequest.of(page, size));
        String query = new QueryString().add("q", q).add("status", status).add("result", result).toString();
        return Response.status(errors.any() ? 400 : 200).entity(Templates.list(tests, q,
                status, result, errors, "/control-tests?" + (query.isEmpty() ? "" : query + "&"))).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("result") String result) {
        return export(q, status, result, csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("result") String result) {
        return export(q, status, result, xlsxExport::table);
    }

    private Response export(String q, String status, String result, TableDownload download) {
        FieldErrors errors = new FieldErrors();
        ControlTestFilter filter = ControlTestFilter.parse(q, status, result, errors);
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        return download.send("control-tests", "control-tests",
                new QueryString().add("q", q).add("status", status).add("result", result).toString(),
                ControlTestCsv.COLUMNS, () -> ControlTest.streamAll(filter));
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm(@QueryParam("control") String control) {
        return formPage(null, ControlTestForm.blank(control, currentUser.username(), AppClock.today()),
                new FieldErrors());
    }

    private static TemplateInstance formPage(ControlTest test, ControlTestForm form, FieldErrors errors) {
        return Templates.form(test, form, errors, Control.all(), Staff.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(@BeanParam ControlTestForm form) {
        return Step.form(() -> {
            ControlTest test = service.plan(form.parsePlan(new FieldErrors(), true));
            return Flash.redirect(URI.create("/control-tests/" + test.id), "flash.testPlanned", test.reference);
        }, errors -> formPage(null, form, errors));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        ControlTest test = Records.require(ControlTest.class, id);
        return showPage(test, ControlTestForm.of(test), new FieldErrors(), null, Map.of());
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        ControlTest test = Records.require(ControlTest.class, id);
        return Templates.history(test, AuditLines.history("ControlTest", test.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editForm(@PathParam("id") long id) {
        ControlTest test = Records.require(ControlTest.class, id);
        if (test.status != TestStatus.PLANNED) {
            return Flash.redirect(URI.create("/control-tests/" + id), "flash.error.testNotPlanned", test.reference);
        }
        return Response.ok(formPage(test, ControlTestForm.of(test), new FieldErrors())).build();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, @BeanParam ControlTestForm form) {
        return Step.run(() -> {
            ControlTest test = service.updatePlan(id, form.parsePlan(new FieldErrors(), false));
            return Flash.redirect(URI.create("/control-tests/" + id), "flash.testUpdated", test.reference);
        }, (errors, problem) -> formPage(Records.require(ControlTest.class, id), form,
                problem == null ? errors : new FieldErrors().add(FieldErrors.FORM, problem)), "error.editConflict",
                e -> Flash.redirect(URI.create("/control-tests/" + id), "flash." + e.messageKey(), null));
    }

    @POST
    @Path("{id}/execution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response saveExecution(@PathParam("id") long id, @BeanParam ControlTestForm form) {
        return execute(id, form, false);
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response submit(@PathParam("id") long id, @BeanParam ControlTestForm form) {
        return execute(id, form, true);
    }

    private Response execute(long id, ControlTestForm form, boolean submit) {
        return Step.run(() -> {
            ControlTest test = service.execute(id, form.parseExecution(new FieldErrors(), submit), submit);
            return Flash.redirect(URI.create("/control-tests/" + id),
                    submit ? "flash.testSubmitted" : "flash.testSaved",
                    test.reference);
        }, (errors, problem) -> showPage(Records.require(ControlTest.class, id), form, errors, problem, Map.of()),
                "error.editConflict");
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response signOff(@PathParam("id") long id, @RestForm String version, @RestForm String reviewComment) {
        return review(id, reviewComment, "flash.testSignedOff", () -> service.signOff(id,
                Review.read(version, "reviewComment", reviewComment, false, ControlTest.COMMENT_MAX)));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response returnTest(@PathParam("id") long id, @RestForm String version, @RestForm String reviewComment) {
        return review(id, reviewComment, "flash.testReturned", () -> service.returnTest(id,
                Review.read(version, "reviewComment", reviewComment, true, ControlTest.COMMENT_MAX)));
    }

    private Response review(long id, String comment, String flashKey,
            java.util.function.Supplier<ControlTest> decision) {
        Map<String, String> typed = Map.of("reviewComment", comment == null ? "" : comment);
        return Step.run(() -> Flash.redirect(URI.create("/control-tests/" + id), flashKey, decision.get().reference),
                (errors, problem) -> {
                    ControlTest test = Records.require(ControlTest.class, id);
                    return showPage(test, ControlTestForm.of(test), errors, problem, typed);
                });
    }

    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        return Step.run(() -> {
            service.addEvidence(id, file == null ? null : file.fileName(), files.read(file));
            return Flash.redirect(URI.create("/control-tests/" + id + "#evidence"), "flash.evidenceAdded",
                    file.fileName());
        }, (errors, problem) -> {
            ControlTest test = Records.require(ControlTest.class, id);
            return showPage(test, ControlTestForm.of(test), errors, problem, Map.of());
        });
    }

    /** Evidence is always downloaded, never shown in the browser: attachment, its checked type, a sandbox. */
    @GET
    @Path("{id}/evidence/{fileId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return StoredFiles.download(ControlTestService.file(Records.require(ControlTest.class, id), fileId));
    }

    @POST
    @Path("{id}/evidence/{fileId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response removeEvidence(@PathParam("id") long id, @PathParam("fileId") long fileId,
            @RestForm String version) {
        return Step.run(() -> {
            service.removeEvidence(id, fileId, Edits.version(version));
            return Flash.redirect(URI.create("/control-tests/" + id + "#evidence"), "flash.evidenceRemoved", null);
        }, (errors, problem) -> {
            ControlTest test = Records.require(ControlTest.class, id);
            return showPage(test, ControlTestForm.of(test), new FieldErrors(), problem, Map.of());
        });
    }

    private TemplateInstance showPage(ControlTest test, ControlTestForm form, FieldErrors errors, String problem,
            Map<String, String> typed) {
        return Templates.show(test, test.evidence(), form, errors, problem,
                TestAccess.of(test, currentUser, service.evidenceRequired()), typed, files.limits());
    }
}
