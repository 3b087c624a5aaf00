package org.opregister.web;

import java.math.BigInteger;

import io.quarkus.panache.common.Page;

/**
 * A 1-based page of a server-side paged list; size is clamped to what a page can sensibly hold, and the page number
 * to one whose offset a query can take. Lists then move a page past their end to their last page ({@link #within}).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;
    /** The highest page number asked for: its offset still fits in an int at the largest page size. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    public PageRequest {
        page = Math.min(Math.max(1, page), MAX_PAGE);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(String page, String size) {
        return new PageRequest(parse(page, 1), parse(size, DEFAULT_SIZE));
    }

    /** This page, or the last page of a list of {@code total} rows when it has fewer pages. */
    public PageRequest within(long total) {
        long last = Math.max(1, (total + size - 1) / size);
        return page <= last ? this : new PageRequest((int) last, size);
    }

    /** The same page for a Panache query. */
    public Page panache() {
        return Page.of(page - 1, size);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** A whole number, however long, clamped to an int; anything else is the fallback. */
    private static int parse(String value, int fallback) {
        String digits = value == null ? "" : value.trim();
        if (!digits.matches("-?\\d{1,1000}")) {
            return fallback;
        }
        BigInteger number = new BigInteger(digits);
        return number.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE))
                .intValue();
    }
}
