package org.opregister.incident;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.qute.TemplateExtension;

/**
 * The ICT third-party providers an incident involved, for its page, and those that can still be linked. The
 * register of providers lives in a package above this one, which implements this interface; the page asks through
 * it ({@code thirdParties:of(incident.id)}) and so never names that package. Without an implementation the page
 * shows nothing of it.
 */
public interface IncidentThirdParties {

    /** A linked provider: the link's id (to remove it), the provider, the contract if one was named. */
    record Linked(long linkId, String provider, String href, String contract, boolean critical) {
    }

    /** A record that can be chosen in the picker. */
    record Choice(long id, String label) {
    }

    /** What the incident's page shows; {@code active}: whether the register exists at all. */
    record View(boolean active, List<Linked> linked, List<Choice> providers, List<Choice> contracts) {

        public static final View NONE = new View(false, List.of(), List.of(), List.of());
    }

    /** The providers linked to the incident and, when {@code withChoices}, the picker's choices (else not read). */
    View of(long incidentId, boolean withChoices);

    /** The template side: {@code thirdParties:of(incident.id, inject:user.canEdit)}, delegating to the CDI bean. */
    @TemplateExtension(namespace = "thirdParties")
    final class Pages {

        private Pages() {
        }

        static View of(Long id, boolean withChoices) {
            if (id == null) {
                return View.NONE;
            }
            try (InstanceHandle<IncidentThirdParties> source = Arc.container().instance(IncidentThirdParties.class)) {
                return source.isAvailable() ? source.get().of(id, withChoices) : View.NONE;
            }
        }
    }
}
