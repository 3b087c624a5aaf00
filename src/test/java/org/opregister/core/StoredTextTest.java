package org.opregister.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredTextTest {

    @Test
    void controlCharactersGoLineBreaksAndTabsStay() {
        assertEquals("report.pdf", StoredText.clean("report\u0000.pdf"));
        assertEquals("a\tb\nc\r\nd", StoredText.clean("a\tb\u0007\nc\r\n\u001Bd\u007F\u0085"));
        assertEquals("Prélèvement ✓ 日本 \uD83D\uDE00", StoredText.clean("Prélèvement ✓ 日本 \uD83D\uDE00"));
    }

    @Test
    void anEntityStateIsCleanedInPlaceAndSaysSo() {
        Object[] state = {"ok", 5, null, "bad\u0000"};
        assertTrue(StoredText.clean(state));
        assertArrayEquals(new Object[]{"ok", 5, null, "bad"}, state);
        assertFalse(StoredText.clean(state));
    }
}
