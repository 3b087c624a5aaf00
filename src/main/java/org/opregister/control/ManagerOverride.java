package org.opregister.control;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.RuleViolationException;
import org.opregister.core.TrackedEntity;
import org.opregister.security.CurrentUser;

/**
 * A manager's override of what an assessment or a test otherwise sets (a control's effectiveness, a risk's
 * ratings): one rule for both, so neither service keeps a copy.
 */
@ApplicationScoped
public class ManagerOverride {

    @Inject
    CurrentUser currentUser;

    /**
     * Managers only, the typing errors ({@code typed}, a bad version among them) reported, the version the record's,
     * then the change applied. Runs in the caller's transaction.
     */
    public <T extends TrackedEntity> T apply(Class<T> type, long id, long version, FieldErrors typed,
            Consumer<T> change) {
        return Edits.guarded(() -> {
            requireManager();
            Edits.failIfAny(typed);
            T record = Records.require(type, id);
            Edits.requireVersion(version, record.version);
            change.accept(record);
            return record;
        });
    }

    private void requireManager() {
        if (!currentUser.isManager()) {
            throw new RuleViolationException("error.overrideManagersOnly");
        }
    }
}
