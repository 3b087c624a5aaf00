package org.opregister.reference;

import java.math.BigInteger;

/**
 * The Legal Entity Identifier (ISO 17442): 20 characters, 18 upper-case letters or digits then two check digits;
 * with each letter replaced by its number (A = 10 ... Z = 35), the whole number modulo 97 is 1 (ISO 7064 MOD 97-10).
 */
public final class Lei {

    public static final int LENGTH = 20;

    private Lei() {
    }

    public static boolean isValid(String lei) {
        if (lei == null || !lei.matches("[A-Z0-9]{18}[0-9]{2}")) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : lei.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
