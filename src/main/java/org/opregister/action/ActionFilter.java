package org.opregister.action;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.web.LikePattern;
import org.opregister.web.QueryString;
import org.opregister.web.Where;

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

    /** The filter's conditions on plan {@code a}; the aging bucket only when {@code withAging}. */
    Where where(LocalDate today, boolean withAging) {
        String like = " like :q" + LikePattern.ESCAPE;
        Where where = new Where()
                .and("(lower(a.reference)" + like + " or lower(a.title)" + like + ")", "q",
                        q == null ? null : LikePattern.contains(q))
                .and("a.status = :status", "status", status)
                .and("a.owner = :owner", "owner", owner)
                .and("exists (select 1 from ActionSource s where s.action = a and s.type = :type)", "type", sourceType)
                .and("a.dueDate >= :dueFrom", "dueFrom", dueFrom)
                .and("a.dueDate <= :dueTo", "dueTo", dueTo)
                .and("a.status in :open", "open", overdue ? ActionStatus.OPEN : null)
                .and("a.dueDate < :today", "today", overdue ? today : null);
        return withAging && aging != null ? aging(where, aging, today) : where;
    }

    /** Open plans due within the bucket. */
    static Where aging(Where where, Aging bucket, LocalDate today) {
        return where.and("a.status in :open", "open", ActionStatus.OPEN)
                .and("a.dueDate >= :agingFrom", "agingFrom", bucket.dueFrom(today))
                .and("a.dueDate <= :agingTo", "agingTo", bucket.dueTo(today));
    }

    /** Open plans of this filter (whatever its aging choice) per aging bucket. */
    Map<Aging, Long> agingCounts(LocalDate today) {
        Map<Aging, Long> counts = new EnumMap<>(Aging.class);
        for (Aging bucket : Aging.values()) {
            counts.put(bucket, ActionPlan.count(aging(where(today, false), bucket, today)));
        }
        return counts;
    }

    static List<ActionPlan> mine(String username) {
        return ActionPlan.list("owner = ?1 order by case when status in ?2 then 0 else 1 end, dueDate, id", username,
                ActionStatus.OPEN);
    }

}
