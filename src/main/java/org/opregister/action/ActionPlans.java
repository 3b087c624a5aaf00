package org.opregister.action;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The action plans of a record, for the pages of incidents, risks, controls and KRIs
 * ({@code inject:actionPlans.of('RISK', risk.id)}), so those modules need not know this one.
 */
@Named("actionPlans")
@RequestScoped
public class ActionPlans {

    public List<ActionPlan> of(String sourceType, Long sourceId) {
        return sourceId == null ? List.of() : ActionSource.actionsOf(SourceType.valueOf(sourceType), sourceId);
    }

    /** The plans of any of the KRI's breaches. */
    public List<ActionPlan> ofKri(Long kriId) {
        return kriId == null ? List.of() : ActionPlan.getEntityManager().createQuery("select distinct s.action from"
                + " ActionSource s, org.opregister.kri.KriBreach b where s.type = :type and s.sourceId = b.id"
                + " and b.kri.id = :kri", ActionPlan.class)
                .setParameter("type", SourceType.KRI_BREACH).setParameter("kri", kriId).getResultList();
    }
}
