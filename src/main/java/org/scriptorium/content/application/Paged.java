package org.scriptorium.content.application;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param page       the page number, from 1
 * @param totalPages at least 1, also when the list is empty
 */
public record Paged<T>(List<T> items, int page, int totalPages, long total) {

    /** The number of pages that {@code total} items fill at {@code size} per page; 1 for none. */
    public static int pages(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** Whether a page number exists for a list of this many items. */
    public static boolean exists(int page, long total, int size) {
        return page >= 1 && page <= pages(total, size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
