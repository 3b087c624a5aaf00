package org.opregister.action;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.web.LikePattern;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.QueryString;

/** Filters of the action-plan list, as typed (kept in the URL) and as a query. */
public record ActionFilter(String q, ActionStatus status, String owner, SourceType sourceType, LocalDate dueFrom,
        LocalDate dueTo, boolean overdue, Aging aging) {

    /** The list's query parameters as typed. */
    public record Params(String q, String status, String owner, String sourceType, String dueFrom, String dueTo,
            String overdue, String aging) {

        ActionFilter parse(FieldErrors errors) {
            FormInput input = new FormInput(errors);
            String text = input.text("q", q, false, 200);
            ActionStatus parsedStatus = input.choice("status", status, ActionStatus.class, false);
            String parsedOwner = input.text("owner", owner, false, 64);
            SourceType type = input.choice("sourceType", sourceType, SourceType.class, false);
            LocalDate from = input.date("dueFrom", dueFrom, false);
            LocalDate to = input.date("dueTo", dueTo, false);
            if (from != null && to != null && to.isBefore(from)) {
                errors.add("dueTo", "error.rangeBackwards");
            }
            String late = FormInput.trimmed(overdue);
            if (late != null && !late.equals("true") && !late.equals("false")) {
                errors.add("overdue", "error.choice");
            }
            Aging bucket = input.choice("aging", aging, Aging.class, false);
            return new ActionFilter(text, parsedStatus, parsedOwner, type, from, to, "true".equals(late), bucket);
        }

        public String queryString() {
            return new QueryString().add("q", q).add("status", status).add("owner", owner).add("sourceType", sourceType)
                    .add("dueFrom", dueFrom).add("dueTo", dueTo).add("overdue", overdue).add("aging", aging).toString();
        }

        /** This filter with another aging bucket, for the bucket links. */
        public String withAging(Aging bucket) {
            return "/actions?" + new QueryString().add("q", q).add("status", status).add("owner", owner)
                    .add("sourceType", sourceType).add("dueFrom", dueFrom).add("dueTo", dueTo).add("overdue", overdue)
                    .add("aging", bucket.name()).toString();
        }

        public String pagerBase() {
            String query = queryString();
            return "/actions?" + (query.isEmpty() ? "" : query + "&");
        }
    }

    record Query(String where, Map<String, Object> parameters) {
    }

    Query query(LocalDate today, boolean withAging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (q != null) {
            where.append(" and (lower(a.reference) like :q").append(LikePattern.ESCAPE)
                    .append(" or lower(a.title) like :q").append(LikePattern.ESCAPE).append(')');
            parameters.put("q", LikePattern.contains(q));
        }
        if (status != null) {
            where.append(" and a.status = :status");
            parameters.put("status", status);
        }
        if (owner != null) {
            where.append(" and a.owner = :owner");
            parameters.put("owner", owner);
        }
        if (sourceType != null) {
            where.append(" and exists (select 1 from ActionSource s where s.action = a and s.type = :type)");
            parameters.put("type", sourceType);
        }
        if (dueFrom != null) {
            where.append(" and a.dueDate >= :dueFrom");
            parameters.put("dueFrom", dueFrom);
        }
        if (dueTo != null) {
            where.append(" and a.dueDate <= :dueTo");
            parameters.put("dueTo", dueTo);
        }
        if (overdue) {
            where.append(" and a.status in :open and a.dueDate < :today");
            parameters.put("open", ActionStatus.OPEN);
            parameters.put("today", today);
        }
        if (withAging && aging != null) {
            appendAging(where, parameters, aging, today);
        }
        return new Query(where.toString(), parameters);
    }

    private static void appendAging(StringBuilder where, Map<String, Object> parameters, Aging bucket, LocalDate today) {
        where.append(" and a.status in :open");
        parameters.put("open", ActionStatus.OPEN);
        LocalDate from = bucket.dueFrom(today);
        LocalDate to = bucket.dueTo(today);
        if (from != null) {
            where.append(" and a.dueDate >= :agingFrom");
            parameters.put("agingFrom", from);
        }
        if (to != null) {
            where.append(" and a.dueDate <= :agingTo");
            parameters.put("agingTo", to);
        }
    }

    PageResult<ActionPlan> search(PageRequest page, LocalDate today) {
        Query query = query(today, true);
        var em = ActionPlan.getEntityManager();
        var count = em.createQuery("select count(a) from ActionPlan a where " + query.where(), Long.class);
        query.parameters().forEach(count::setParameter);
        var items = em.createQuery("select a from ActionPlan a where " + query.where() + " order by a.dueDate, a.id",
                ActionPlan.class);
        query.parameters().forEach(items::setParameter);
        long total = count.getSingleResult();
        PageRequest shown = page.within(total);
        items.setFirstResult(shown.offset()).setMaxResults(shown.size());
        return new PageResult<>(items.getResultList(), shown, total);
    }

    java.util.stream.Stream<ActionPlan> stream(LocalDate today) {
        Query query = query(today, true);
        var items = ActionPlan.getEntityManager().createQuery("select a from ActionPlan a where " + query.where()
                + " order by a.dueDate, a.id", ActionPlan.class);
        query.parameters().forEach(items::setParameter);
        return items.getResultStream();
    }

    /** Open plans of this filter (whatever its aging choice) per aging bucket. */
    Map<Aging, Long> agingCounts(LocalDate today) {
        Map<Aging, Long> counts = new EnumMap<>(Aging.class);
        for (Aging bucket : Aging.values()) {
            Query query = query(today, false);
            StringBuilder where = new StringBuilder(query.where());
            Map<String, Object> parameters = new HashMap<>(query.parameters());
            appendAging(where, parameters, bucket, today);
            var count = ActionPlan.getEntityManager().createQuery("select count(a) from ActionPlan a where " + where, Long.class);
            parameters.forEach(count::setParameter);
            counts.put(bucket, count.getSingleResult());
        }
        return counts;
    }

    static List<ActionPlan> mine(String username) {
        return ActionPlan.list("owner = ?1 order by case when status in ?2 then 0 else 1 end, dueDate, id", username,
                ActionStatus.OPEN);
    }


}
