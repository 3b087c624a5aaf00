package org.opregister.web;

/** A 1-based page of a server-side paged list; size is clamped to what a page can sensibly hold. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        page = Math.max(1, page);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(String page, String size) {
        return new PageRequest(parse(page, 1), parse(size, DEFAULT_SIZE));
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static int parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
