package org.opregister.web;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * The follow-up work (action plans) recorded against a record, for the pages of incidents, risks, controls, control
 * tests and KRIs. The plans live in a package above those records, which implements this interface; the pages ask
 * through it ({@code followUps:ofRisk(risk.id)}) and so never name that package.
 */
public interface FollowUps {

    /** The kinds of record follow-up work is recorded against. */
    enum Subject {
        INCIDENT, RISK, CONTROL, CONTROL_TEST, KRI
    }

    /** One plan as a record's page lists it; {@code status} is rendered with {@code m:label} and {@code m:css}. */
    record FollowUp(long id, String reference, String title, String owner, LocalDate dueDate, LocalDate originalDueDate,
            boolean extended, boolean overdue, int progress, Enum<?> status) {
    }

    /** The plans of that record (for a KRI: of any of its breaches), by due date. */
    List<FollowUp> of(Subject subject, long id);

    /** The template side: {@code followUps:ofIncident(incident.id)} and the like, delegating to the CDI bean. */
    @TemplateExtension(namespace = "followUps")
    final class Pages {

        private Pages() {
        }

        static List<FollowUp> ofIncident(Long id) {
            return find(Subject.INCIDENT, id);
        }

        static List<FollowUp> ofRisk(Long id) {
            return find(Subject.RISK, id);
        }

        static List<FollowUp> ofControl(Long id) {
            return find(Subject.CONTROL, id);
        }

        static List<FollowUp> ofControlTest(Long id) {
            return find(Subject.CONTROL_TEST, id);
        }

        static List<FollowUp> ofKri(Long id) {
            return find(Subject.KRI, id);
        }

        private static List<FollowUp> find(Subject subject, Long id) {
            return id == null ? List.of() : Arc.container().instance(FollowUps.class).get().of(subject, id);
        }
    }
}
