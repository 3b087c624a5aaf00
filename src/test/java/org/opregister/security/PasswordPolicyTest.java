package org.opregister.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.opregister.core.FieldErrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password rules, without the application: what the audit got through, and what a person may still choose. */
class PasswordPolicyTest {

    @Test
    void theAuditsFourPasswordsAreRefusedEachForItsOwnReason() {
        assertEquals("error.passwordBlank", PasswordPolicy.problem("someone", " ".repeat(12)));
        assertEquals("error.passwordRepetitive", PasswordPolicy.problem("someone", "aaaaaaaaaaaa"));
        assertEquals("error.passwordCommon", PasswordPolicy.problem("someone", "password1234"));
        assertEquals("error.passwordRepetitive", PasswordPolicy.problem("someone", "pp4pp4pp4pp4"));
    }

    @Test
    void blankMeansAnyKindOfSpace() {
        assertEquals("error.passwordBlank", PasswordPolicy.problem("someone", "\t\u00a0\u2003 \n"));
        assertEquals("error.required", PasswordPolicy.problem("someone", ""));
        assertEquals("error.required", PasswordPolicy.problem("someone", null));
    }

    @Test
    void repeatedPatternsOfUpToFourCharactersAreRefused() {
        for (String password : List.of("abcabcabcabc", "abcdabcdabcd", "ABab" + "abAB".repeat(3), "xyxyxyxyxyxyx",
                "aaaaaaaaaaab", "121212121213", "!!!!!!!!!!!!!!!!")) {
            assertEquals("error.passwordRepetitive", PasswordPolicy.problem("someone", password), password);
        }
        assertNull(PasswordPolicy.problem("someone", "abcdeabcdeabcde"), "a five-character unit is a pattern no more");
    }

    @Test
    void theUsernameIsRefusedAnywhereInThePasswordWhateverTheCase() {
        assertEquals("error.passwordIsUsername", PasswordPolicy.problem("jane.doe.admin", "Jane.Doe.Admin"));
        assertEquals("error.passwordContainsUsername", PasswordPolicy.problem("jdoe", "my name is JDOE and so"));
        assertEquals("error.passwordContainsUsername", PasswordPolicy.problem("jdoe", "jdoe2024-11-29"));
        // Two or three characters are inside too many good passwords to refuse them there.
        assertNull(PasswordPolicy.problem("jo", "enjoy the quiet harbour"));
    }

    @Test
    void commonPasswordsAreRefusedAloneAndWithDigitsOrSymbolsAround() {
        assertTrue(PasswordPolicy.commonPasswordCount() >= 10_000, "list size " + PasswordPolicy.commonPasswordCount());
        for (String password : List.of("qwerty123456", "1qaz2wsx3edc", "QWERTY123456", "Password2024!",
                "!!sunshine1987",
                "iloveyou123456", "Football#2025", "leavemealone")) {
            assertEquals("error.passwordCommon", PasswordPolicy.problem("someone", password), password);
        }
    }

    @Test
    void ordinaryGoodPasswordsPass() {
        for (String password : List.of("correct horse battery staple", "Tr0ub4dor&3 is not enough alone",
                "river-copper-lantern-42", "7f#Kq9!zLm2v", "a brand new secret", "  spaces around are fine  ")) {
            assertNull(PasswordPolicy.problem("someone", password), password);
        }
    }

    @Test
    void lengthLimitsAndMessagesWithTheirNumbers() {
        FieldErrors errors = new FieldErrors();
        PasswordPolicy.check("short", "someone", "bX7$qm2", errors);
        PasswordPolicy.check("long", "someone", "bX7$qm2!".repeat(30), errors);
        PasswordPolicy.check("common", "someone", "password1234", errors);
        PasswordPolicy.check("fine", "someone", "river-copper-lantern-42", errors);
        assertEquals(
                Map.of("short", "error.passwordTooShort", "long", "error.tooLong", "common", "error.passwordCommon"),
                errors.keys());
        assertTrue(errors.message(java.util.Locale.ENGLISH, "short").contains("12"));
        assertTrue(errors.message(java.util.Locale.ENGLISH, "long").contains("200"));
    }

    @Test
    void weakPasswordsAreRefusedByThePolicy() {
        FieldErrors errors = new FieldErrors();
        PasswordPolicy.check("p", "someone", "short", errors);
        PasswordPolicy.check("q", "someone12345", "SOMEONE12345", errors);
        PasswordPolicy.check("r", "someone", "long enough secret", errors);
        assertEquals(java.util.Set.of("p", "q"), errors.keys().keySet());
    }
}
