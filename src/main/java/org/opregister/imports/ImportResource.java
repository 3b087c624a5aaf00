package org.opregister.imports;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.opregister.core.CurrentLocale;
import org.opregister.core.FieldErrors;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.security.CurrentUser;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/**
 * Bulk import of a bank's history (managers): upload any of the controls, risks, incidents, loss-lines and
 * action-plans files in one go; a dry run reports every bad cell and what would be created, updated or left; its files
 * can then be imported. Both run in the
 * background; the job's page follows them and keeps their result.
 */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.MANAGER)
public class ImportResource {

    /** Jobs listed on the import page. */
    static final int RECENT = 20;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(List<ImportJob> jobs, List<ImportMapping> mappings, FieldErrors errors);

        static native TemplateInstance job(ImportJob job, List<ImportProblem> problems, java.util.Locale locale,
                List<String> columns, FieldErrors errors);
    }

    @Inject
    Imports imports;

    @Inject
    ImportRunner runner;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list() {
        return Templates.list(ImportJob.recent(RECENT), ImportMapping.all(), new FieldErrors());
    }

    @GET
    @Path("{id}")
    public TemplateInstance job(@PathParam("id") long id) {
        return jobPage(id, new FieldErrors());
    }

    private static TemplateInstance jobPage(long id, FieldErrors errors) {
        ImportJob job = Records.require(ImportJob.class, id);
        return Templates.job(job, job.problems(), CurrentLocale.current(), Labels.COLUMNS, errors);
    }

    /**
     * Queues a dry run of the files given (at least one: controls, risks, incidents, loss lines, action plans); the
     * job's page follows it.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("controls") FileUpload controls, @RestForm("risks") FileUpload risks,
            @RestForm("incidents") FileUpload incidents, @RestForm("losses") FileUpload losses,
            @RestForm("actions") FileUpload actions, @RestForm("mapping") String mapping) {
        return Step.run(() -> {
            FieldErrors errors = new FieldErrors();
            Map<String, FileUpload> given = new LinkedHashMap<>();
            given.put(ImportPart.CONTROLS, controls);
            given.put(ImportPart.RISKS, risks);
            given.put(ImportPart.INCIDENTS, incidents);
            given.put(ImportPart.LOSSES, losses);
            given.put(ImportPart.ACTIONS, actions);
            List<Imports.Upload> files = new ArrayList<>();
            given.forEach((part, upload) -> {
                if (received(upload)) {
                    files.add(new Imports.Upload(part, upload.fileName(),
                            () -> Files.newInputStream(upload.uploadedFile())));
                } else if (upload != null && upload.fileName() != null && !upload.fileName().isBlank()) {
                    errors.add(part, "error.uploadEmpty");
                }
            });
            if (files.isEmpty() && !errors.any()) {
                errors.add(FieldErrors.FORM, "imports.error.fileRequired");
            }
            String saved = imports.savedMapping(mapping, errors);
            if (errors.any()) {
                throw new InvalidInputException(errors);
            }
            ImportJob job = imports.queue(files, true, user.username(), saved);
            runner.kick();
            return Flash.redirect("/imports/" + job.id, "imports.flash.queued", job.fileNames());
        }, (errors, problem) -> Templates.list(ImportJob.recent(RECENT), ImportMapping.all(), errors));
    }

    /**
     * A new dry run of the job's files with the columns mapped as chosen ({@code source}: the headings, {@code target}:
     * the column of each, or {@code -} to leave it out), the mapping saved under {@code name} when one is given.
     */
    @POST
    @Path("{id}/mapping")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remap(@PathParam("id") long id, @RestForm("source") List<String> source,
            @RestForm("target") List<String> target, @RestForm("name") String name) {
        return Step.run(() -> {
            java.util.Map<String, String> chosen = new java.util.LinkedHashMap<>();
            int pairs = Math.min(source == null ? 0 : source.size(), target == null ? 0 : target.size());
            for (int i = 0; i < pairs; i++) {
                if (source.get(i) != null && !source.get(i).isBlank()) {
                    chosen.put(source.get(i), target.get(i));
                }
            }
            ImportJob job = imports.remap(id, chosen, name, user.username());
            runner.kick();
            return Flash.redirect("/imports/" + job.id, "imports.flash.queued", job.fileNames());
        }, (errors, problem) -> jobPage(id, errors));
    }

    /** Imports the files of a dry run that found nothing wrong. */
    @POST
    @Path("{id}/run")
    public Response run(@PathParam("id") long id) {
        ImportJob job = imports.importDryRun(id, user.username());
        runner.kick();
        return Flash.redirect("/imports/" + job.id, "imports.flash.queued", job.fileNames());
    }

    /** Whether a file came, with something in it (the queue streams it into the database). */
    private static boolean received(FileUpload upload) {
        return upload != null && upload.uploadedFile() != null && upload.size() > 0;
    }
}
