package org.opregister.web;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.opregister.core.EditConflictException;
import org.opregister.core.FieldErrors;
import org.opregister.core.InvalidInputException;
import org.opregister.core.RuleViolationException;

/**
 * The one way a page POST is answered: its own answer (a redirect with a message) when the step works, else the
 * page again with what went wrong and the user's input kept: bad input 400 with the field errors; a stale page
 * (a missing or old version) or a step the workflow does not allow now 409 with a message. Unknown records
 * (404) and a lack of rights (403) go on to {@link ErrorPages}.
 */
public final class Step {

    private Step() {
    }

    /** A step posted from a record's page; a stale form is reported as "someone changed this record". */
    public static Response run(Supplier<Response> step, BiFunction<FieldErrors, String, TemplateInstance> page) {
        return run(step, page, "error.recordChangedReload");
    }

    /** The same; {@code conflictKey} is the message for a form loaded before someone else's change. */
    public static Response run(Supplier<Response> step, BiFunction<FieldErrors, String, TemplateInstance> page,
            String conflictKey) {
        return run(step, page, conflictKey,
                e -> Response.status(409).entity(page.apply(new FieldErrors(), e.messageKey())).build());
    }

    /**
     * The same, with the route's own answer to a step the workflow does not allow now (e.g. back to the record's
     * page with a flash message).
     */
    public static Response run(Supplier<Response> step, BiFunction<FieldErrors, String, TemplateInstance> page,
            String conflictKey, Function<RuleViolationException, Response> onRule) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            boolean stale = e.stale();
            return Response.status(stale ? 409 : 400).entity(page.apply(e.errors(), stale ? conflictKey : null))
                    .build();
        } catch (EditConflictException e) {
            return Response.status(409).entity(page.apply(new FieldErrors(), conflictKey)).build();
        } catch (RuleViolationException e) {
            return onRule.apply(e);
        }
    }

    /**
     * A form of its own (create, edit): the form again with the field errors (400), or with the problem above its
     * fields (409: stale, or not allowed now).
     */
    public static Response form(Supplier<Response> step, Function<FieldErrors, TemplateInstance> form) {
        return run(step, formPage(form), "error.editConflict");
    }

    /** The same, with the route's own answer to a change the workflow does not allow now. */
    public static Response form(Supplier<Response> step, Function<FieldErrors, TemplateInstance> form,
            Function<RuleViolationException, Response> onRule) {
        return run(step, formPage(form), "error.editConflict", onRule);
    }

    private static BiFunction<FieldErrors, String, TemplateInstance> formPage(
            Function<FieldErrors, TemplateInstance> form) {
        return (errors, problem) -> form
                .apply(problem == null ? errors : new FieldErrors().add(FieldErrors.FORM, problem));
    }
}
