package org.opregister.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Paging parameters as typed: clamped, never an error. */
class PageRequestTest {

    @Test
    void missingOrNonsenseParametersGiveTheFirstPageOfTwentyFive() {
        assertEquals(new PageRequest(1, 25), PageRequest.of(null, null));
        assertEquals(new PageRequest(1, 25), PageRequest.of("abc", "x"));
        assertEquals(new PageRequest(1, 25), PageRequest.of("0", "0"));
        assertEquals(new PageRequest(1, 25), PageRequest.of("-3", "-10"));
        assertEquals(new PageRequest(4, 10), PageRequest.of(" 4 ", "10"));
    }

    @Test
    void theSizeIsCappedAtTwoHundred() {
        assertEquals(200, PageRequest.of("1", "201").size());
        assertEquals(200, PageRequest.of("1", "99999999999999999999").size());
        assertEquals(200, PageRequest.of("1", "200").size());
    }

    @Test
    void offsetAndLastPage() {
        assertEquals(0, new PageRequest(1, 25).offset());
        assertEquals(50, new PageRequest(3, 25).offset());
        assertEquals(new PageRequest(4, 10), new PageRequest(9, 10).within(31));
        assertEquals(new PageRequest(3, 10), new PageRequest(3, 10).within(31));
        assertEquals(new PageRequest(1, 10), new PageRequest(2, 10).within(10));
    }
}
