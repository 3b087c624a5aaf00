package org.opregister.rcsa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opregister.rcsa.AssessmentFixtures.answers;
import static org.opregister.rcsa.AssessmentFixtures.save;
import static org.opregister.rcsa.AssessmentFixtures.submit;
import static org.opregister.rcsa.AssessmentFixtures.task;

/**
 * Tasks answered before editors were recorded get them from the migration, out of the audit trail: run on tasks the
 * application tracked, it must find the very same editors (no seeding "system", no reviewer, no one who only assigned).
 */
@QuarkusTest
class EditorBackfillTest {

    private static final String MIGRATION = "db/migration/V15__review_integrity_of_ratings.sql";

    @Test
    void theMigrationDerivesTheEditorsTheApplicationRecords() throws IOException {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        Session manager2 = TestSupport.session("manager2");
        long riskId = AssessmentFixtures.riskInUnit(officer, "Backfill " + System.nanoTime(), "Backfilled risk", null);
        long taskId = AssessmentFixtures.taskOf(AssessmentFixtures.openForRisks(manager, "Backfill RCSA", riskId),
                riskId);
        assign(manager2, taskId, "manager");
        Map<String, Object> draft = answers(taskId);
        draft.put("inherentImpact", "5");
        save(manager, taskId, draft).then().statusCode(303);
        assign(manager2, taskId, "officer");
        submit(officer, taskId, answers(taskId)).then().statusCode(303);
        AssessmentFixtures.review(manager2, taskId, "return", "More detail please").then().statusCode(303);

        Set<String> recorded = QuarkusTransaction.requiringNew().call(
                () -> Set.copyOf(AssessmentTask.<AssessmentTask>findById(taskId).editors));
        assertEquals(Set.of("manager", "officer"), recorded);
        String backfill = backfillQuery();
        Set<String> derived = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = AssessmentTask.getEntityManager().createNativeQuery(backfill).getResultList();
            Set<String> editors = new HashSet<>();
            rows.stream().filter(r -> ((Number) r[0]).longValue() == taskId).forEach(r -> editors.add((String) r[1]));
            return editors;
        });
        assertEquals(recorded, derived);
        assertEquals("officer", task(taskId).review.submittedBy);
    }

    /** The select of the migration's insert into assessment_task_editor. */
    private static String backfillQuery() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("select id, submitted_by");
            return sql.substring(start, sql.indexOf(';', start));
        }
    }

    private static void assign(Session manager, long taskId, String assignee) {
        manager.post(AssessmentFixtures.FORM_PAGE, "/assessments/tasks/" + taskId + "/assign",
                Map.of("version", task(taskId).version, "assignee", assignee)).then().statusCode(303);
    }
}
