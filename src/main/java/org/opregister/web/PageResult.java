package org.opregister.web;

import java.util.List;

/** One page of rows with the total count of the filtered set. */
public record PageResult<T>(List<T> items, PageRequest request, long total) {

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
        return request.page() < pageCount();
    }

    public int previousPage() {
        return Math.max(1, request.page() - 1);
    }

    public int nextPage() {
        return Math.min(pageCount(), request.page() + 1);
    }

    public long firstRow() {
        return total == 0 ? 0 : (long) request.offset() + 1;
    }

    public long lastRow() {
        return (long) request.offset() + items.size();
    }
}
