package org.opregister.controltest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** JSON API of control tests and certification rounds (read; changes go through the pages and their reviews). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Control tests and certifications")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ControlTestApi {

    @GET
    @Path("control-tests")
    @Operation(summary = "List control tests", description = "Filters: q (reference, control), status, result.")
    public Listing<TestView> tests(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("result") String result,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        ControlTestFilter filter = ControlTestFilter.parse(q, status, result, errors);
        Edits.failIfAny(errors);
        PageResult<ControlTest> tests = ControlTest.search(filter, PageRequest.of(page, size));
        return new Listing<>(tests.items().stream().map(TestView::of).toList(), tests.page(), tests.size(),
                tests.total());
    }

    @GET
    @Path("control-tests/{id}")
    @Operation(summary = "One control test with its evidence files")
    public TestView test(@PathParam("id") long id) {
        return TestView.of(Records.require(ControlTest.class, id));
    }

    @GET
    @Path("attestations")
    @Operation(summary = "List certification rounds")
    public List<CampaignView> campaigns() {
        return AttestationCampaign.<AttestationCampaign>list("order by periodEnd desc, id desc").stream()
                .map(CampaignView::of).toList();
    }

    @GET
    @Path("attestations/{id}")
    @Operation(summary = "One certification round with its answers")
    public CampaignView campaign(@PathParam("id") long id) {
        return CampaignView.of(Records.require(AttestationCampaign.class, id));
    }

    public record Listing<T>(List<T> items, int page, int size, long total) {
    }

    public record EvidenceView(long id, String fileName, String contentType, long size, String sha256) {
    }

    public record TestView(long id, long version, String reference, String control, String procedure, int sampleSize,
            LocalDate periodStart, LocalDate periodEnd, String tester, TestStatus status, TestResult result,
            String findings,
            LocalDate executedOn, List<EvidenceView> evidence, String reviewedBy, Instant reviewedAt,
            String reviewComment) {

        static TestView of(ControlTest t) {
            return new TestView(t.id, t.version, t.reference, t.control.reference, t.procedure, t.sampleSize,
                    t.periodStart,
                    t.periodEnd, t.tester, t.status, t.result, t.findings, t.executedOn,
                    t.evidence().stream().map(f -> new EvidenceView(f.id, f.fileName, f.contentType, f.size, f.sha256))
                            .toList(),
                    t.review.reviewedBy, t.review.reviewedAt, t.review.reviewComment);
        }
    }

    public record ItemView(String control, String attester, AttestationResponse response, String comment,
            String answeredBy,
            Instant answeredAt) {
    }

    public record CampaignView(long id, String reference, String title, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, RoundStatus status, long answered, long total, List<ItemView> items) {

        static CampaignView of(AttestationCampaign c) {
            return new CampaignView(c.id, c.reference, c.title, c.periodStart, c.periodEnd, c.dueDate, c.status,
                    c.answered(),
                    c.total(),
                    c.items().stream().map(a -> new ItemView(a.control.reference, a.assignee, a.response, a.comment,
                            a.answeredBy, a.answeredAt)).toList());
        }
    }
}
