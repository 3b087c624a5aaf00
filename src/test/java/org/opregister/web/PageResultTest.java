package org.opregister.web;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        PageResult<Integer> full = PageResult.counted(Collections.nCopies(25, 0), new PageRequest(500, 25), 10_001,
                10_000);
        assertTrue(full.totalIsAtLeast());
        assertEquals(10_000, full.total());
        assertTrue(full.hasNext());
        assertEquals(501, full.nextPage());
        PageResult<Integer> last = PageResult.counted(List.of(0), new PageRequest(900, 25), 10_001, 10_000);
        assertFalse(last.hasNext());
    }

    @Test
    void aPageFarPastTheEndIsTheLastPageAndNoOffsetOverflows() {
        PageRequest far = PageRequest.of("999999999", "200");
        assertTrue(far.offset() >= 0, "offset " + far.offset());
        assertEquals(PageRequest.MAX_PAGE, far.page());
        assertEquals(new PageRequest(3, 200), far.within(401));
        assertEquals(new PageRequest(1, 200), far.within(0));
        assertEquals(new PageRequest(2, 25), PageRequest.of("2", null).within(26));
        assertEquals(PageRequest.MAX_PAGE, PageRequest.of("99999999999999999999", "25").page());
        assertEquals(1, PageRequest.of("-5", "25").page());
        assertEquals(1, PageRequest.of("1e9", "25").page());
    }
}
