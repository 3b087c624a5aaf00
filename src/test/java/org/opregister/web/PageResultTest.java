package org.opregister.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageResultTest {

    @Test
    void exactCountsGiveAFixedNumberOfPages() {
        PageResult<Integer> page = PageResult.counted(List.of(1, 2), new PageRequest(3, 2), 6, 10);
        assertFalse(page.totalIsAtLeast());
        assertEquals(3, page.pageCount());
        assertFalse(page.hasNext());
        assertEquals(5, page.firstRow());
    }

    @Test
    void countsCutOffAtTheLimitKeepOfferingTheNextFullPage() {
        PageResult<Integer> full = PageResult.counted(Collections.nCopies(25, 0), new PageRequest(500, 25), 10_001, 10_000);
        assertTrue(full.totalIsAtLeast());
        assertEquals(10_000, full.total());
        assertTrue(full.hasNext());
        assertEquals(501, full.nextPage());
        PageResult<Integer> last = PageResult.counted(List.of(0), new PageRequest(900, 25), 10_001, 10_000);
        assertFalse(last.hasNext());
    }
}
