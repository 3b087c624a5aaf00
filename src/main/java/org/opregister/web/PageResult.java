package org.opregister.web;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of rows with the total count of the filtered set. Where counting was cut off ({@code totalIsAtLeast}),
 * the total is a lower bound and the pager offers "next" for as long as pages are full.
 */
public record PageResult<T>(List<T> items, PageRequest request, long total, boolean totalIsAtLeast) {

    public PageResult(List<T> items, PageRequest request, long total) {
        this(items, request, total, false);
    }

    /** Count-then-page: the matching rows are counted, then the page asked for (or the last one) is read. */
    public static <T> PageResult<T> of(PanacheQuery<T> query, PageRequest request) {
        return of(query, request, query.count());
    }

    /** The page of a query whose total is already known (counted together with other totals). */
    public static <T> PageResult<T> of(PanacheQuery<T> query, PageRequest request, long total) {
        PageRequest shown = request.within(total);
        return new PageResult<>(query.page(shown.panache()).list(), shown, total);
    }

    /** A page whose count stopped at {@code limit}: a count above it means "more than limit". */
    public static <T> PageResult<T> counted(List<T> items, PageRequest request, long count, long limit) {
        return count > limit ? new PageResult<>(items, request, limit, true) : new PageResult<>(items, request, count);
    }

    public int page() {
        return request.page();
    }

    public int size() {
        return request.size();
    }

    public int pageCount() {
        return (int) Math.max(1, (total + request.size() - 1) / request.size());
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public boolean hasNext() {
        return totalIsAtLeast ? items.size() == request.size() : request.page() < pageCount();
    }

    public int previousPage() {
        return Math.max(1, request.page() - 1);
    }

    public int nextPage() {
        return totalIsAtLeast ? request.page() + 1 : Math.min(pageCount(), request.page() + 1);
    }

    public long firstRow() {
        return total == 0 ? 0 : (long) request.offset() + 1;
    }

    public long lastRow() {
        return (long) request.offset() + items.size();
    }
}
