package org.opregister.reference;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which codes count as active ISO 4217 currencies, and LEI check digits. */
class CurrenciesTest {

    @Test
    void currenciesInUseAreActive() {
        for (String code : List.of("EUR", "USD", "JPY", "GBP", "CHF", "XAF", "XOF", "XCD", "XPF", "STN", "MRU", "VES",
                "SLE", "ZWG", "XCG", "BYN")) {
            assertTrue(Currencies.isActive(code), code);
        }
    }

    @Test
    void noCurrencyFundsAndWithdrawnCodesAreNot() {
        for (String code : List.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBD", "XSU", "XUA", "BOV",
                "CLF", "COU", "MXV", "USN", "UYI", "CHE", "CHW", "HRK", "SLL", "VEF", "STD", "MRO", "CUC", "ZWL", "BYR",
                "LTL", "LVL", "EEK", "DEM", "FRF", "ITL")) {
            assertFalse(Currencies.isActive(code), code);
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String code : new String[]{null, "", "eur", "EURO", "EU", "ABC", "E1R", " EUR"}) {
            assertFalse(Currencies.isActive(code), String.valueOf(code));
        }
        assertTrue(Currencies.active().size() > 140, "active: " + Currencies.active().size());
        assertFalse(Currencies.active().contains("XXX"));
    }

    @Test
    void leiCheckDigitsFollowIso17442() {
        assertTrue(Lei.isValid("5493001KJTIIGC8Y1R12"));
        assertTrue(Lei.isValid("7LTWFZYICNSX8D621K86"));
        assertFalse(Lei.isValid("5493001KJTIIGC8Y1R13"), "wrong check digits");
        assertFalse(Lei.isValid("5493001kjtiigc8y1r12"), "lower case");
        assertFalse(Lei.isValid("5493001KJTIIGC8Y1R1"), "19 characters");
        assertFalse(Lei.isValid("5493001KJTIIGC8Y1RAB"), "letters as check digits");
        assertFalse(Lei.isValid(null));
    }
}
