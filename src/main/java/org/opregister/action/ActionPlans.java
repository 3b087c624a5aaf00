package org.opregister.action;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import org.opregister.web.FollowUps;

/** The action plans of a record, for the pages of the records plans are raised from (see {@link FollowUps}). */
@ApplicationScoped
@Unremovable // looked up by web.FollowUps.Pages, which no injection point shows the container
public class ActionPlans implements FollowUps {

    @Override
    public List<FollowUp> of(Subject subject, long id) {
        List<ActionPlan> plans = subject == Subject.KRI
                ? ActionSource.actionsOfKri(id)
                : ActionSource.actionsOf(SourceType.valueOf(subject.name()), id);
        return plans.stream().map(ActionPlans::followUp).toList();
    }

    static FollowUp followUp(ActionPlan a) {
        return new FollowUp(a.id, a.reference, a.title, a.owner, a.dueDate, a.originalDueDate, a.extended(),
                a.overdue(),
                a.progress, a.status);
    }
}
