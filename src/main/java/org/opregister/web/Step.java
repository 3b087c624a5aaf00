package org.opregister.web;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

import org.opregister.core.EditConflictException;
import org.opregister.core.InvalidInputException;
import org.opregister.core.RuleViolationException;

/**
 * One step of a workflow posted from a record's page: its own answer (a redirect with a message) when it works,
 * else the page again with what went wrong: bad input 400 with the field errors; a stale page or a step the
 * workflow does not allow now 409 with a message.
 */
public final class Step {

    private Step() {
    }

    /** Runs the step; a stale form is reported as "someone changed this record, nothing was saved". */
    public static Response run(Supplier<Response> step, BiFunction<FieldErrors, String, TemplateInstance> page) {
        return run(step, page, "error.recordChangedReload");
    }

    /** Runs the step; {@code conflictKey} is the message for a form loaded before someone else's change. */
    public static Response run(Supplier<Response> step, BiFunction<FieldErrors, String, TemplateInstance> page,
            String conflictKey) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            boolean stale = e.errors().has(FieldErrors.FORM);
            return Response.status(stale ? 409 : 400).entity(page.apply(e.errors(), stale ? conflictKey : null)).build();
        } catch (EditConflictException e) {
            return Response.status(409).entity(page.apply(new FieldErrors(), conflictKey)).build();
        } catch (RuleViolationException e) {
            return Response.status(409).entity(page.apply(new FieldErrors(), e.messageKey())).build();
        }
    }
}
