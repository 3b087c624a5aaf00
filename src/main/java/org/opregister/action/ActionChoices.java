package org.opregister.action;

import java.util.List;

import org.opregister.security.User;

/** What the action-plan forms and filters offer. */
public record ActionChoices(List<ActionStatus> statuses, List<Priority> priorities, List<SourceType> sourceTypes,
        List<Aging> agings, List<User> owners) {

    static ActionChoices current() {
        return new ActionChoices(List.of(ActionStatus.values()), List.of(Priority.values()), Sources.SELECTABLE,
                List.of(Aging.values()), org.opregister.security.Staff.all());
    }
}
