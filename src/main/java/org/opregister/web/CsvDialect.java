package org.opregister.web;

import java.util.Optional;

import jakarta.ws.rs.core.NewCookie;

/**
 * How a CSV download separates its cells and writes its decimals. The standard one (RFC 4180: commas, '.' decimals)
 * is what auditors' tools and scripts read. A spreadsheet program set to French opens a comma-separated file as one
 * column and reads 1234.56 as text, so a user can ask for semicolons and decimal commas instead: per download with
 * {@code ?sep=semicolon}, or for every download from their browser on the account's language page. Dates stay ISO
 * and codes stay codes in both.
 */
public enum CsvDialect {

    STANDARD(',', '.'), SEMICOLON(';', ',');

    /** The browser's choice of dialect for every download. */
    public static final String COOKIE = "oprisk_csv";

    private static final int ONE_YEAR = 365 * 24 * 3600;

    public final char delimiter;
    public final char decimalMark;

    CsvDialect(char delimiter, char decimalMark) {
        this.delimiter = delimiter;
        this.decimalMark = decimalMark;
    }

    /** The dialect asked for by a download's {@code sep} parameter, else by the browser's cookie. */
    public static CsvDialect of(String parameter, String cookie) {
        String asked = parameter != null && !parameter.isBlank() ? parameter : cookie;
        return "semicolon".equals(asked) || ";".equals(asked) ? SEMICOLON : STANDARD;
    }

    /** The dialect a user chose on the account page: {@code standard} or {@code semicolon}, else none. */
    public static Optional<CsvDialect> chosen(String value) {
        if ("standard".equals(value)) {
            return Optional.of(STANDARD);
        }
        return "semicolon".equals(value) ? Optional.of(SEMICOLON) : Optional.empty();
    }

    public static NewCookie cookie(CsvDialect dialect) {
        return new NewCookie.Builder(COOKIE).value(dialect == SEMICOLON ? "semicolon" : "").path("/")
                .maxAge(dialect == SEMICOLON ? ONE_YEAR : 0).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }

    String number(String plain) {
        return decimalMark == '.' ? plain : plain.replace('.', decimalMark);
    }
}
