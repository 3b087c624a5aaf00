package org.opregister.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Form text to typed values: each bad value leaves null and one message key on its field. */
class FormInputTest {

    private final FieldErrors errors = new FieldErrors();
    private final FormInput input = new FormInput(errors);

    private String errorOf(String field) {
        return errors.keys().get(field);
    }

    @Test
    void textIsTrimmedAndChecked() {
        assertEquals("Card fraud", input.text("title", "  Card fraud ", true, 20));
        assertNull(input.text("note", "   ", false, 20));
        assertFalse(errors.any());
        assertNull(input.text("title2", " ", true, 20));
        assertEquals("error.required", errorOf("title2"));
        assertNull(input.text("long", "abcdef", true, 5));
        assertEquals("error.tooLong", errorOf("long"));
        assertNull(input.text("ctl", "a\u0000b", true, 5));
        assertEquals("error.controlCharacters", errorOf("ctl"));
    }

    @Test
    void datesAreIsoWithinYears1900To2999() {
        assertEquals(LocalDate.of(2025, 2, 28), input.date("d", "2025-02-28", true));
        assertNull(input.date("bad", "2025-02-30", true));
        assertEquals("error.date", errorOf("bad"));
        assertNull(input.date("early", "1899-12-31", true));
        assertEquals("error.dateOutOfRange", errorOf("early"));
        assertEquals(LocalDate.of(2999, 12, 31), input.date("late", "2999-12-31", true));
    }

    @Test
    void choicesAreEnumNames() {
        assertEquals(Month.MARCH, input.choice("m", "MARCH", Month.class, true));
        assertNull(input.choice("m2", "march", Month.class, true));
        assertEquals("error.choice", errorOf("m2"));
        assertNull(input.choice("m3", "", Month.class, false));
        assertFalse(errors.has("m3"));
    }

    @Test
    void decimalsTakeAPointOrACommaWithinTheirScaleAndRange() {
        BigDecimal max = new BigDecimal("1000");
        assertEquals(new BigDecimal("12.50"), input.decimal("a", "12,50", true, 2, BigDecimal.ZERO, max));
        assertEquals(new BigDecimal("1000"), input.decimal("b", "1000", true, 2, BigDecimal.ZERO, max));
        assertNull(input.decimal("c", "1.005", true, 2, BigDecimal.ZERO, max));
        assertEquals("error.scale", errorOf("c"));
        assertNull(input.decimal("d", "0", true, 2, BigDecimal.ZERO, max));
        assertEquals("error.mustBeAbove", errorOf("d"));
        assertNull(input.decimal("e", "1000.01", true, 2, BigDecimal.ZERO, max));
        assertEquals("error.mustBeAtMost", errorOf("e"));
        assertEquals(new BigDecimal("1000.00"), input.decimal("f", "1,000.00", true, 2, BigDecimal.ZERO, max),
                "groups of thousands as English writes them");
        assertNull(input.decimal("f2", "1.000,5", true, 2, BigDecimal.ZERO, max));
        assertEquals("error.number", errorOf("f2"));
        assertNull(input.decimal("g", "1e3", true, 2, BigDecimal.ZERO, max));
        assertEquals("error.number", errorOf("g"));
    }

    @Test
    void wholeNumbersWithinTheirScale() {
        assertEquals(3, input.whole("l", "3", true, 1, 5));
        assertNull(input.whole("l2", "6", true, 1, 5));
        assertEquals("error.between", errorOf("l2"));
        assertNull(input.whole("l3", "2.5", true, 1, 5));
        assertEquals("error.wholeNumber", errorOf("l3"));
    }

    @Test
    void currenciesAreIsoCodes() {
        assertEquals("EUR", input.currency("c", " eur "));
        assertNull(input.currency("c2", "EURO"));
        assertEquals("error.currency", errorOf("c2"));
        assertNull(input.currency("c3", "XYZ"));
        assertEquals("error.currency", errorOf("c3"));
        assertNull(input.currency("c4", ""));
        assertEquals("error.required", errorOf("c4"));
    }

    @Test
    void idsKeysAndVersions() {
        assertEquals(42L, FormInput.id(" 42 "));
        assertNull(FormInput.id("-1"));
        assertNull(FormInput.id("1234567890123456789"));
        assertNull(FormInput.id("abc"));
        assertEquals("INC-1", FormInput.key(" INC-1 "));
        assertNull(FormInput.key("INC\t1"));
        assertNull(FormInput.key("  "));
        assertEquals(7L, input.version("version", "7"));
        assertFalse(errors.any());
        assertEquals(-1L, input.version("version", ""));
        assertEquals("error.staleForm", errorOf(FieldErrors.FORM));
    }
}
